"""Security headers Django does not set by itself, and the admin's own CSP.

The storefront gets a strict Content-Security-Policy (no inline scripts except with
a nonce). Wagtail's admin needs inline styles and scripts of its own, so responses
under `/admin/` get `ADMIN_CSP` instead; both come from settings.

Wagtail's preview panel is an iframe of an admin URL whose response is the page
itself, rendered through the whole middleware chain on a "dummy" request for the
page's own URL. That response keeps the storefront's policy except
`frame-ancestors`, which becomes `'self'` so the editor may frame it; Wagtail's
preview view sets `X-Frame-Options: SAMEORIGIN` on it. Real storefront responses
keep refusing every frame (`frame-ancestors 'none'`, `X-Frame-Options: DENY`).
"""

from django.conf import settings
from django.utils.csp import CSP

PERMISSIONS_POLICY = (
    "geolocation=(), microphone=(), camera=(), payment=(self), usb=(), "
    "interest-cohort=()"
)


def preview_csp():
    """The storefront policy, framable by the admin (same origin) only."""
    return {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}


def is_admin_preview(request):
    """A page rendered for Wagtail's preview (`Page.make_preview_request`)."""
    return getattr(request, "is_dummy", False)


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy everywhere and swaps the CSP for admin pages.

    Placed after Django's CSP middleware so it sees the response first.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if is_admin_preview(request) and not hasattr(response, "_csp_config"):
            response._csp_config = preview_csp()
        if request.path.startswith(self.admin_prefix) and not hasattr(
            response, "_csp_config"
        ):
            response._csp_config = settings.ADMIN_CSP
        return response
