"""A page for a browser that opens a form's address (405), in its language.

Views that only take a form post (`@require_POST`: book, cancel, add to cart)
answer a GET with Django's bare 405 and no body, which a browser shows as its own
English "This page isn't working". A visitor gets there from a shared or retyped
address; they get the site's page, in the URL's language, with a way on. The
status and the `Allow` header stay; the API keeps its bare answers.
"""

from django.template import loader
from django.utils import translation

from operations.error_pages import language_of

PAGE = "405.html"


class NotAllowedPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 405
            and not response.content
            and request.method == "GET"
            and not request.path_info.startswith("/api/")
        ):
            with translation.override(language_of(request)):
                response.content = loader.render_to_string(PAGE, request=request)
            response["Content-Type"] = "text/html; charset=utf-8"
            # CommonMiddleware (below) already counted the empty body.
            response["Content-Length"] = str(len(response.content))
        return response
