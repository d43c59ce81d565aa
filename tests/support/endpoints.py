"""Every storefront endpoint of the URLconf, enumerated from the resolver, as
concrete paths per language, for sweeps that throw input at all of them.

Routes with converters come back as templates (`/es/mis-pedidos/<str:number>/`)
with their parameter names, to be filled by the caller. Wagtail's admin and its
page catch-all (a tree walk, covered by the routing tests) are left out.
"""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

SKIPPED_PREFIXES = ("admin/", "documents/", "django-admin/")
PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


@dataclass(frozen=True)
class Endpoint:
    route: str  # "/es/mis-pedidos/<str:number>/"
    name: str

    @property
    def parameters(self):
        return [
            (m["name"], m["converter"] or "str") for m in PARAMETER.finditer(self.route)
        ]

    def path(self, values):
        """The route with each `<converter:name>` replaced by values[name]."""
        return PARAMETER.sub(lambda m: values[m["name"]], self.route)


def _walk(patterns, prefix):
    for entry in patterns:
        pattern = entry.pattern
        route = str(pattern)
        if isinstance(entry, URLResolver):
            if hasattr(pattern, "language_prefix"):
                route = pattern.language_prefix
            if route.startswith(SKIPPED_PREFIXES) or "^" in route:
                continue
            yield from _walk(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            if "^" in route or "(?P" in route:
                continue  # regex catch-alls: Wagtail's page serving
            yield Endpoint(route=f"/{prefix}{route}", name=entry.name or route)


def storefront_endpoints(languages=("en", "es")):
    """Unique endpoints: the unprefixed ones once, the i18n ones per language."""
    seen = {}
    for language in languages:
        with translation.override(language):
            for endpoint in _walk(get_resolver().url_patterns, ""):
                seen.setdefault(endpoint.route, endpoint)
    return list(seen.values())
