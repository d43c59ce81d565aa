"""Refuse request input carrying NUL characters, before any view sees it.

PostgreSQL text cannot hold U+0000: a NUL in a coupon code, an order number or a
query parameter used in a lookup makes the database raise, and the visitor got a
500. No legitimate form, link or path of the site carries one, so the request is
answered 400 (in the visitor's language, `cms.error_pages.bad_request`) and
nothing runs. JSON bodies (the vitals beacon, Stripe's webhook) are validated by
their own parsers.
"""

from django.core.exceptions import BadRequest

NUL = "\x00"
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _carries_nul(query_dict):
    return any(
        NUL in key or any(NUL in value for value in values if isinstance(value, str))
        for key, values in query_dict.lists()
    )


def has_nul(request):
    """True when the path, the query string or a posted form field holds a NUL."""
    if NUL in request.path_info or _carries_nul(request.GET):
        return True
    if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
        return _carries_nul(request.POST)
    return False


class RejectNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            raise BadRequest("NUL character in the request")
        return self.get_response(request)
