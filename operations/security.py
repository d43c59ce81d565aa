"""Security headers Django does not set by itself, and the admin's own CSP.

The storefront gets a strict Content-Security-Policy (no inline scripts except with
a nonce). Wagtail's admin needs inline styles and scripts of its own, so responses
under `/admin/` get `ADMIN_CSP` instead; both come from settings.
"""

from django.conf import settings

PERMISSIONS_POLICY = (
    "geolocation=(), microphone=(), camera=(), payment=(self), usb=(), "
    "interest-cohort=()"
)


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
        if request.path.startswith(self.admin_prefix) and not hasattr(
            response, "_csp_config"
        ):
            response._csp_config = settings.ADMIN_CSP
        return response
