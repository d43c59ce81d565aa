"""Fragment cache for the shared parts of storefront pages, for everyone.

The anonymous page cache (speedups/page_cache.py) serves whole pages, but only to
visitors without a session: signed-in learners and anyone with a cart always get a
fresh render. Most of that render is the same for every reader (the course's
description, instructors, lesson list, JSON-LD, language links), so
`{% pagefragment %}` (speedups/templatetags/render_cache.py) keeps those pieces in Redis
and renders only the personal parts (price or "enrolled", cart, progress, review
form) per request.

A fragment's key holds the page's `cache_key` (id, URL, last publish); its value
holds the purge generations it was rendered under, the same as the page cache's:
publishing a page, its translation, a lesson under it or an approved review bumps
its URL's generation; categories, instructors and prices bump the site-wide one.
Nothing is cached in previews or share links (`request.is_preview`), or for
requests that carry a share token.
"""

from django.conf import settings
from django.core.cache import cache

from speedups import page_cache


def enabled_for(request, page):
    """May this render use fragments of `page`?"""
    from wagtail.models import Page

    return bool(
        settings.RENDER_CACHE_SECONDS
        and request is not None
        and isinstance(page, Page)
        and page.pk
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and "share" not in request.GET
    )


def fragments_for(request):
    """This request's `RequestFragments`, made once; None when Redis is down."""
    if not hasattr(request, "_fragments"):
        try:
            request._fragments = RequestFragments(request.path, request.get_full_path())
        except Exception:  # noqa: BLE001 - Redis down: pages render uncached
            request._fragments = None
    return request._fragments


class RequestFragments:
    """The fragments of one render, and the content version they must match.

    The version is the purge generations of this URL and its parent's: a page
    shows bits of its parent (a lesson, its course's title) and the parent lists
    its children, so publishing either purges both. A fragment is stored with the
    version it was rendered under and used only while that is still the version,
    so a purge needs no key of its own and an old copy is simply overwritten.

    One round trip reads the version together with the fragments the last render
    of this URL in this process used (`_last_used`): a warm page costs one Redis
    read, not one per fragment. A fragment this render needs and that was not
    foreseen (another reader's cart, a first visit) is read on its own.
    """

    def __init__(self, path, full_path):
        generation_keys = page_cache.generation_keys(path, parent_path(path))
        foreseen = tuple(_last_used.get(full_path, ()))
        values = cache.get_many([*generation_keys, *foreseen])
        generations = page_cache.generations_in(values, generation_keys)
        self.version = page_cache.version_label(generations)
        self.prefetched = {key: values.get(key) for key in foreseen}
        self.used = []
        if len(_last_used) >= LAST_USED_PATHS:
            _last_used.clear()
        _last_used[full_path] = self.used  # read by this URL's next render

    def get(self, key):
        """The fragment's HTML if it is stored for this version, else None."""
        self.used.append(key)
        if key in self.prefetched:
            stored = self.prefetched[key]
        else:
            stored = cache.get(key)
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == self.version:
            return stored[1]
        return None

    def store(self, key, html):
        cache.set(key, (self.version, html), settings.RENDER_CACHE_SECONDS)


LAST_USED_PATHS = 5000  # URLs (with query) whose fragment keys a worker remembers
_last_used = {}


def parent_path(path):
    """ "/en/courses/calm/01/" → "/en/courses/calm/"."""
    stripped = path.rstrip("/")
    return stripped[: stripped.rfind("/") + 1] or "/"
