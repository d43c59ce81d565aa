"""Every admin URL the project adds, found from Wagtail's hooks and the resolver.

A URL registered through `register_admin_urls`, a viewset (`register_admin_viewset`)
or a snippet viewset of one of our apps is listed here without anyone writing it
down, so the role matrix (tests/integration/test_admin_access_matrix.py) cannot
forget a new one. Listing views that export get one entry per format.
"""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail import hooks
from wagtail.snippets.models import get_snippet_models

PROJECT_PACKAGES = {
    "cms",
    "commerce",
    "events",
    "learning",
    "accounts",
    "home",
    "search",
    "operations",
    "speedups",
}
EXPORT_FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class AdminRoute:
    name: str  # "namespace:name" or a plain URL name
    kwargs: tuple  # names of the URL's arguments
    model: type | None  # whose pk fills `pk`, for viewset URLs
    exports: bool


def _ours(function):
    return function.__module__.split(".")[0] in PROJECT_PACKAGES


def _viewsets(registered):
    """A viewset, a viewset group, or a list of them, flattened."""
    items = registered if isinstance(registered, list | tuple) else [registered]
    for item in items:
        if hasattr(item, "registerables"):
            yield from _viewsets(list(item.registerables))
        else:
            yield item


def _walk(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            if inner:
                inner = f"{namespace}:{inner}" if namespace else inner
            yield from _walk(pattern.url_patterns, inner or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            full = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield full, pattern


def _exports(pattern):
    view_class = getattr(pattern.callback, "view_class", None)
    initkwargs = getattr(pattern.callback, "view_initkwargs", {}) or {}
    list_export = initkwargs.get("list_export") or getattr(
        view_class, "list_export", None
    )
    return bool(list_export) and not initkwargs.get("results_only")


def project_admin_routes():
    hook_names = set()
    for register in hooks.get_hooks("register_admin_urls"):
        if _ours(register):
            hook_names |= {name for name, _pattern in _walk(register())}
    models_by_namespace = {}
    for register in hooks.get_hooks("register_admin_viewset"):
        if _ours(register):
            for viewset in _viewsets(register()):
                models_by_namespace[viewset.url_namespace] = viewset.model
    for model in get_snippet_models():
        if model._meta.app_label in PROJECT_PACKAGES:
            viewset = model.snippet_viewset
            models_by_namespace[viewset.url_namespace] = model

    routes = []
    for name, pattern in _walk(get_resolver().url_patterns):
        namespace = name.rpartition(":")[0]
        if name in hook_names or namespace in models_by_namespace:
            routes.append(
                AdminRoute(
                    name=name,
                    kwargs=tuple(sorted(pattern.pattern.converters))
                    or tuple(sorted(pattern.pattern.regex.groupindex)),
                    model=models_by_namespace.get(namespace),
                    exports=_exports(pattern),
                )
            )
    return sorted(set(routes), key=lambda route: route.name)


def admin_urls(samples):
    """(label, url) for every route; `samples` gives an object per kwarg name or
    model. Export formats follow their listing as `name?export=csv`."""
    urls = []
    for route in project_admin_routes():
        kwargs = {}
        for kwarg in route.kwargs:
            sample = samples.get((route.name, kwarg)) or samples.get(
                route.model if kwarg == "pk" else kwarg
            )
            if sample is None:
                raise LookupError(f"no sample object for {route.name} ({kwarg})")
            kwargs[kwarg] = sample.pk
        url = reverse(route.name, kwargs=kwargs)
        urls.append((route.name, url))
        if route.exports:
            urls += [
                (f"{route.name}?export={fmt}", f"{url}?export={fmt}")
                for fmt in EXPORT_FORMATS
            ]
    return urls
