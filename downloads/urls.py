"""Learner URLs under the language prefix: /en/my/downloads/, /es/mis-descargas/,
and the signed links /en/download/<token>/ (/es/descarga/<token>/)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from downloads import views
from operations.localized_paths import with_untranslated_redirects

app_name = "downloads"

urlpatterns = with_untranslated_redirects(
    [
        path(
            pgettext_lazy("URL path", "my/downloads/"),
            views.my_downloads,
            name="my_downloads",
        ),
        path(
            pgettext_lazy("URL path", "download/<str:token>/"),
            views.fetch,
            name="fetch",
        ),
    ],
    namespace=app_name,
)
