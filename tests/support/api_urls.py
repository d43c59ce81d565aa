"""A URLconf with a plain JSON endpoint under /api/, for the API rate limit."""

from django.http import JsonResponse
from django.urls import path


def ping(request):
    return JsonResponse({"pong": True})


urlpatterns = [path("api/ping", ping)]
