"""Full-page cache for anonymous visitors of the storefront, kept in Redis.

Only visitors without a session cookie get cached pages: anyone signed in or with a
cart has a session, and is served fresh, so cart counts, "enrolled" badges and
CSRF tokens are never shared. A response is stored only when it is a plain 200
page (a Wagtail page, or a view that opts in with `response.page_cacheable = True`)
that sets no cookie and is not private.

Purging is by URL: publishing or unpublishing a page bumps a generation counter for
its own URLs, its translations' and its ancestors' (the catalog and home pages list
it), and unpublishing also its descendants' (no longer served under it), so
their cached copies are never served again: a copy is stored with the
generations it was rendered under, served only while they are current (both read in
one round trip), and overwritten by the next render. Changes to things many pages
show (categories, instructors, prices), slug changes and moves (every URL below the
page changes) bump the site-wide generation. Purges happen at once and again when
the transaction commits, so a reader served in between cannot pin old content.
The fragment cache for every reader (speedups/render_cache.py) checks the same
generations.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_vary_headers

from speedups.after_commit import now_and_after_commit

logger = logging.getLogger(__name__)

SITE_GENERATION = "pagecache:gen"
CACHEABLE_METHODS = {"GET", "HEAD"}


def _path_generation_key(path):
    return f"pagecache:gen:{hashlib.sha256(path.encode()).hexdigest()[:32]}"


def _response_key(request):
    """One key per host and URL: the copy says which generations it belongs to."""
    full_path = request.get_full_path()
    digest = hashlib.sha256(f"{request.get_host()}|{full_path}".encode()).hexdigest()
    return f"pagecache:copy:{digest}"


def generations(path, *more_paths):
    """(site-wide, this path's[, more paths']) purge generations.

    The page cache reads one path; fragments (speedups/render_cache.py) also read the
    parent page's, because a lesson shows its course's title.
    """
    keys = generation_keys(path, *more_paths)
    return generations_in(cache.get_many(keys), keys)


def generation_keys(path, *more_paths):
    """The cache keys of those generations, for reading them with other keys."""
    return [SITE_GENERATION, *(_path_generation_key(p) for p in (path, *more_paths))]


def generations_in(values, keys):
    """The generations out of a `get_many` that read `keys` (absent: 0)."""
    return tuple(values.get(key, 0) for key in keys)


def version_label(generations_now):
    """ "3-17": the generations as text, for fragment keys (render_cache.py)."""
    return "-".join(str(number) for number in generations_now)


def purge_paths(paths):
    """Forget the cached copies of these URL paths (query strings included)."""
    keys = [_path_generation_key(path) for path in set(paths)]
    _bump_now_and_after_commit(keys)


def purge_everything():
    """Forget every cached page (a snippet or price shown on many pages changed)."""
    _bump_now_and_after_commit([SITE_GENERATION])


def _bump_now_and_after_commit(keys):
    """Bump the generations now and again at commit (speedups/after_commit.py): a
    reader served in between rendered the old rows under the new generation."""
    now_and_after_commit(lambda: _bump(keys))


def _bump(keys):
    for key in keys:
        try:
            cache.add(key, 0, timeout=None)
            cache.incr(key)
        except Exception:  # noqa: BLE001 - a purge must never break publishing
            logger.warning("page cache purge failed for %s", key)


def is_anonymous_without_session(request):
    """No session and no pending flash messages: nothing personal to show."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _is_storefront_path(path):
    return any(path.startswith(f"/{code}/") for code, _name in settings.LANGUAGES)


def _response_is_cacheable(request, response):
    flag = getattr(response, "page_cacheable", None)
    if flag is None:
        context = getattr(response, "context_data", None) or {}
        from wagtail.models import Page

        flag = isinstance(context.get("page"), Page)
    return (
        flag
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a form's token
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    """Serve and store storefront pages for cookie-less anonymous visitors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (
            settings.PAGE_CACHE_SECONDS
            and request.method in CACHEABLE_METHODS
            and _is_storefront_path(request.path)
            and is_anonymous_without_session(request)
        ):
            return self.get_response(request)
        # One round trip: the URL's generations and its stored copy together.
        # The copy is served only if it was stored under the current generations.
        try:
            keys = generation_keys(request.path)
            key = _response_key(request)
            values = cache.get_many([*keys, key])
        except Exception:  # noqa: BLE001 - Redis down: serve uncached
            return self.get_response(request)
        generations_now = generations_in(values, keys)
        stored = values.get(key)
        if isinstance(stored, tuple) and stored[0] == generations_now:
            response = stored[1]
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _response_is_cacheable(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            patch_vary_headers(response, ["Cookie"])
            try:
                cache.set(key, (generations_now, response), settings.PAGE_CACHE_SECONDS)
            except Exception:  # noqa: BLE001
                logger.warning("page cache store failed for %s", request.path)
            response["X-Page-Cache"] = "miss"
        return response


def page_paths(page):
    """The URL paths that show `page`: its own, its translations', their ancestors'."""
    from wagtail.models import Page

    paths = set()
    translations = Page.objects.filter(translation_key=page.translation_key)
    for translated in translations:
        for shown_on in [translated, *translated.get_ancestors().filter(depth__gt=1)]:
            paths.add(_path_of(shown_on))
    return paths - {None}


def descendant_paths(page):
    """The URL paths of every page below `page` (an unpublished course's lessons)."""
    from wagtail.models import Page

    descendants = Page.objects.descendant_of(page)
    return {_path_of(descendant) for descendant in descendants} - {None}


def _path_of(page):
    """The page's URL path (None when it is not routable)."""
    url = page.get_url()
    if not url:
        return None
    return url if url.startswith("/") else f"/{url.split('/', 3)[-1]}"


def purge_page(sender=None, instance=None, **kwargs):
    """Signal receiver: a page was published, unpublished, moved or deleted."""
    if instance is not None:
        purge_paths(page_paths(instance))


def purge_unpublished_page(sender=None, instance=None, **kwargs):
    """Signal receiver: a page left the site, and every page below it with it.

    Its live children are no longer served (cms/publishing: never under a
    non-live parent), so their cached copies must go too.
    """
    if instance is not None:
        purge_paths(page_paths(instance) | descendant_paths(instance))


def purge_all(sender=None, **kwargs):
    """Signal receiver: something shown on many pages changed."""
    purge_everything()


def connect_signals():
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import (
        page_published,
        page_slug_changed,
        page_unpublished,
        post_page_move,
    )

    page_published.connect(purge_page, dispatch_uid="page_cache_published")
    page_unpublished.connect(
        purge_unpublished_page, dispatch_uid="page_cache_unpublished"
    )
    # A new slug or a move changes every URL below the page, and a reorder the
    # order of its parent's lists: links to them are everywhere.
    page_slug_changed.connect(purge_all, dispatch_uid="page_cache_slug")
    post_page_move.connect(purge_all, dispatch_uid="page_cache_move")
    for label in settings.PAGE_CACHE_SITEWIDE_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        for signal in (post_save, post_delete):
            signal.connect(purge_all, sender=model, dispatch_uid=f"page_cache_{label}")
