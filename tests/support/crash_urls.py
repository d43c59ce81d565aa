"""A URLconf with a view that fails, to see errors reach the error reporter."""

from django.urls import path


def explode(request):
    raise RuntimeError("boom: unhandled error for the Sentry test")


urlpatterns = [path("explode/", explode)]
