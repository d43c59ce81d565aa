"""Search URLs: the page under the language prefix, the JSON API under /api/."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from search import views

app_name = "search"

# Translated path: /en/search/, /es/buscar/.
urlpatterns = [
    path(pgettext_lazy("URL path", "search/"), views.search_page, name="page"),
]

api_urlpatterns = [
    path(
        "api/search/autocomplete",
        views.autocomplete,
        name="search_autocomplete",
    ),
]
