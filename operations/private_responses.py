"""Responses made for one visitor say `Cache-Control: private, no-store`.

A CDN or shared proxy in front of the site may keep any response that does not
forbid it, so a receipt, "My courses", a cart, an account page or a paid lesson
opened for an enrolled learner could be handed to the next visitor. One rule here
covers them all, instead of a decorator each view could forget: a response is
personal when it was rendered from the visitor's session (the request carried
the session cookie and the session was read), when it hands out or clears the
session or flash-message cookie, or when the view marked it private itself (a
page opened by a share link's token, cms/models/pages.py).

Cookie-less anonymous visitors still get shared, cacheable pages: those are the
ones the anonymous page cache (speedups/page_cache.py) stores, and it never stores a
private response. This middleware sits inside the page cache and outside the
session and message middleware, so it sees their cookies.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def is_personal(request, response):
    """Was `response` made for this visitor alone?"""
    session = getattr(request, "session", None)
    read_their_session = (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        and session is not None
        and session.accessed
    )
    return bool(
        read_their_session or any(name in response.cookies for name in PERSONAL_COOKIES)
    )


class PrivateResponsesMiddleware:
    """Mark personal responses `private, no-store` (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request, response):
            patch_cache_control(response, private=True, no_store=True)
        return response
