"""Which Site serves a host name, remembered per process for a minute.

Wagtail finds the request's Site with a query on every request
(`Site.find_for_request` → `get_site_for_hostname`), about a fifth of a cached
course page's render. Sites almost never change, so `install()` (CmsConfig.ready)
wraps that function: an answer from the last TTL_SECONDS is returned as a fresh
copy (unpickled, so no request sees another's objects, including the root page
row that comes with it); misses and "no such site" are Wagtail's own.

Saving or deleting a Site, and publishing, moving or renaming a page (the root
page row travels with the Site), empty the memory of this process; other
processes catch up within TTL_SECONDS. Tests empty it around every test
(tests/conftest.py), because a rolled-back transaction sends no signal.
"""

import pickle
import time

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site
from wagtail.models import sites as wagtail_sites
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

TTL_SECONDS = 60

_remembered = {}  # (host name, port) -> (expires, pickled Site)
_wagtail_get_site_for_hostname = wagtail_sites.get_site_for_hostname


def clear(**kwargs):
    _remembered.clear()


def get_site_for_hostname(hostname, port):
    if not settings.SPEEDUPS_SITE_MEMO:
        return _wagtail_get_site_for_hostname(hostname, port)
    now = time.monotonic()
    hit = _remembered.get((hostname, port))
    if hit is not None and hit[0] > now:
        return pickle.loads(hit[1])  # noqa: S301 - our own pickle, in memory
    site = _wagtail_get_site_for_hostname(hostname, port)
    # The root page as its own type with only the base row loaded: Wagtail's
    # router asks for `root_page.localized.specific`, which then costs no
    # query. The home page's own URL refetches it whole (speedups/routing.py).
    site.root_page = site.root_page.specific_deferred
    _remembered[(hostname, port)] = (now + TTL_SECONDS, pickle.dumps(site))
    return pickle.loads(_remembered[(hostname, port)][1])  # noqa: S301


def install():
    wagtail_sites.get_site_for_hostname = get_site_for_hostname
    for signal in (post_save, post_delete):
        signal.connect(
            clear, sender=Site, dispatch_uid=f"speedups.site_memo.{id(signal)}"
        )
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(clear, dispatch_uid=f"speedups.site_memo.{id(signal)}")
