"""Refuse form posts sent from another site to views that carry no CSRF token.

`commerce:cart_add` is exempt from Django's CSRF token on purpose: the course
page's "Enroll" form holds no token, so the page stays in the anonymous page
cache (speedups/page_cache.py). Without a token a page on any other site could post
to it: the browser withholds the SameSite=Lax session cookie from such a post,
so the view starts a fresh session whose cookie replaces the learner's, signing
them out and swapping their cart.

Browsers say where a request comes from. `Sec-Fetch-Site` (Fetch Metadata) is
`same-origin` for our own pages and `none` for a typed address or a bookmark;
older browsers send only `Origin`, which must then be this site or one of
`CSRF_TRUSTED_ORIGINS`. A request with neither header (not a browser: curl, the
test client) cannot carry a victim's cookies and is let through. Django 6.1 has
no Fetch Metadata check of its own (its CSRF middleware checks `Origin` only
together with a token), hence this small one, in the spirit of Go's
`http.CrossOriginProtection`.
"""

from functools import wraps

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.shortcuts import render

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
OWN_SITE_FETCHES = {"same-origin", "none"}


def is_cross_site(request):
    """Did a page on another site send this request (by the browser's word)?"""
    if request.headers.get("Sec-Fetch-Site") in OWN_SITE_FETCHES:
        return False
    origin = request.headers.get("Origin")
    if origin is not None:
        return not _is_trusted_origin(request, origin)
    return "Sec-Fetch-Site" in request.headers  # same-site or cross-site


def _is_trusted_origin(request, origin):
    try:
        own = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return False
    return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS


def refuse_cross_site_posts(view):
    """Answer a cross-site post with a 403 in the visitor's language, untouched.

    The view does not run, so the session, its cookie and the cart stay as
    they were.
    """

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if request.method not in SAFE_METHODS and is_cross_site(request):
            return render(request, "403_cross_site.html", status=403)
        return view(request, *args, **kwargs)

    return guarded
