"""Error pages in the visitor's language (`mystic.urls.handler400` / `handler500`).

Django's own handlers render 400.html and 500.html without the request, and the
500 page may be rendered after something broke in the middleware, before the
language of the URL was activated. These handlers take the language from the URL
prefix themselves, like the 404 page gets it from LocaleMiddleware.
"""

from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token


def language_of(request):
    """The language of the URL's prefix, else the active one."""
    return translation.get_language_from_path(request.path_info) or (
        translation.get_language()
    )


@requires_csrf_token
def bad_request(request, exception=None):
    """400: refused input, in the page's language, with the site around it."""
    with translation.override(language_of(request)):
        body = loader.render_to_string("400.html", request=request)
    return HttpResponseBadRequest(body)


@requires_csrf_token
def server_error(request):
    """500: a self-contained page (no database, no cache) in the URL's language."""
    with translation.override(language_of(request)):
        body = loader.render_to_string("500.html")
    return HttpResponseServerError(body)
