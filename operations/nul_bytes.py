"""Refuse request input carrying NUL characters, before any view sees it.

PostgreSQL text cannot hold U+0000: a NUL in a coupon code, an order number or a
query parameter used in a lookup makes the database raise, and the visitor got a
500. No legitimate form, link or path of the site carries one, so the request is
answered 400 (in the visitor's language, `operations.error_pages.bad_request`) and the
view never runs.

The check runs in `process_view`, last, and reads only a form the CSRF check
reads too (or a url-encoded one): a CSRF-exempt view that reads its raw body
(Stripe's webhook) still can. JSON bodies (the vitals beacon, the
webhook) are validated by their own parsers.
"""

from django.core.exceptions import BadRequest

NUL = "\x00"


def _carries_nul(query_dict):
    return any(
        NUL in key or any(NUL in value for value in values if isinstance(value, str))
        for key, values in query_dict.lists()
    )


def _form_may_be_read(request, view_func):
    """The CSRF check reads the form of every view it guards; a url-encoded body
    stays readable as raw bytes once parsed. Other exempt views keep their body."""
    return (
        hasattr(request, "_post")
        or not getattr(view_func, "csrf_exempt", False)
        or request.content_type == "application/x-www-form-urlencoded"
    )


def has_nul(request, view_func=None):
    """True when the path, the query string or a posted form field holds a NUL."""
    if NUL in request.path_info or _carries_nul(request.GET):
        return True
    if request.method == "POST" and _form_may_be_read(request, view_func):
        return _carries_nul(request.POST)
    return False


class RejectNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if has_nul(request, view_func):
            raise BadRequest("NUL character in the request")
        return None
