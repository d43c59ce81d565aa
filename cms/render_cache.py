"""Fragment cache for the shared parts of storefront pages, for everyone.

The anonymous page cache (cms/page_cache.py) serves whole pages, but only to
visitors without a session: signed-in learners and anyone with a cart always get a
fresh render. Most of that render is the same for every reader (the course's
description, instructors, lesson list, JSON-LD, language links), so
`{% pagefragment %}` (cms/templatetags/render_cache.py) keeps those pieces in Redis
and renders only the personal parts (price or "enrolled", cart, progress, review
form) per request.

A fragment's key holds the page's `cache_key` (id, URL, last publish) and the
same purge generations as the page cache: publishing a page, its translation, a
lesson under it or an approved review bumps its URL's generation; categories,
instructors and prices bump the site-wide one. Nothing is cached in previews or
share links (`request.is_preview`), or for requests that carry a share token.
"""

from django.conf import settings

from cms import page_cache


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


def content_version(request):
    """The purge generations of this URL and its parent's, read once per request.

    A page shows bits of its parent (a lesson, its course's title) and the parent
    lists its children; publishing either purges both. None when they cannot be
    read (Redis down): then nothing is cached, so a fragment is never stored under
    a version that might not be current.
    """
    if not hasattr(request, "_fragment_version"):
        try:
            generations = page_cache.generations(
                request.path, parent_path(request.path)
            )
            request._fragment_version = page_cache.version_label(generations)
        except Exception:  # noqa: BLE001 - Redis down: pages render uncached
            request._fragment_version = None
    return request._fragment_version


def parent_path(path):
    """ "/en/courses/calm/01/" → "/en/courses/calm/"."""
    stripped = path.rstrip("/")
    return stripped[: stripped.rfind("/") + 1] or "/"
