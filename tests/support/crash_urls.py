"""A URLconf with a view that fails, to see errors reach the error reporter and
the visitor's error page (/explode/, /en/explode/, /es/explode/), with the site's
own URLs and error handlers around it."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from mystic.urls import handler400, handler429, handler500  # noqa: F401
from mystic.urls import urlpatterns as site_urlpatterns


def explode(request):
    raise RuntimeError("boom: unhandled error for the Sentry test")


urlpatterns = [
    path("explode/", explode),
    *i18n_patterns(path("explode/", explode), prefix_default_language=True),
    *site_urlpatterns,
]
