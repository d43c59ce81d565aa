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

Public media (covers, images, samples) may be served from another host: the
object store's `S3_PUBLIC_DOMAIN` (a CDN or custom domain), or its endpoint.
Every policy then names that origin in `img-src` and `media-src`, else the
browser would refuse the very covers the page shows; on the local disk
(`/media/` on this host) the policies stay as the settings have them.
"""

from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import storages
from django.utils.csp import CSP

PERMISSIONS_POLICY = (
    "geolocation=(), microphone=(), camera=(), payment=(self), usb=(), "
    "interest-cohort=()"
)


def preview_csp():
    """The storefront policy, framable by the admin (same origin) only."""
    return {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}


def public_media_origin():
    """The origin public media are served from when it is another host, else None."""
    return _origin_of(storages["default"])


@lru_cache(maxsize=8)
def _origin_of(storage):
    url = urlsplit(storage.url("csp-origin"))  # builds a URL; no request is made
    return f"{url.scheme}://{url.netloc}" if url.scheme and url.netloc else None


def with_public_media(policy, origin):
    """`policy` with `origin` allowed for images and audio/video."""
    images = list(policy.get("img-src") or policy.get("default-src", [CSP.SELF]))
    media = list(policy.get("media-src") or policy.get("default-src", [CSP.SELF]))
    return {
        **policy,
        # A response may pass here twice (Wagtail's preview inside the admin).
        "img-src": images if origin in images else [*images, origin],
        "media-src": media if origin in media else [*media, origin],
    }


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
        origin = public_media_origin()
        if origin is not None:
            policy = getattr(response, "_csp_config", settings.SECURE_CSP)
            if policy:  # an empty policy means none was wanted: keep it so
                response._csp_config = with_public_media(policy, origin)
        return response
