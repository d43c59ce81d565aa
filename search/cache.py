"""Short-lived caching of search answers, invalidated by any index change.

Popular queries repeat; their results only change when the index does. Every
index write bumps a version number kept in the cache (Redis in production,
shared by all processes), and result keys include it, so a publish is visible
at once. Prices shown in results may lag by up to TIMEOUT seconds.
"""

import hashlib

from django.core.cache import cache

VERSION_KEY = "search:index-version"
TIMEOUT = 60


def version():
    try:
        value = cache.get(VERSION_KEY)
        if value is None:
            cache.add(VERSION_KEY, 1, timeout=None)
            value = cache.get(VERSION_KEY) or 1
    except Exception:  # noqa: BLE001 - no cache: no caching, never an error
        return None
    return value


def bump():
    """The index changed: forget every cached answer."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, 2, timeout=None)
    except Exception:  # noqa: BLE001, S110 - the next write bumps it again
        pass


def key(kind, language, text):
    """A cache key for one answer, or None when the cache is unavailable."""
    current = version()
    if current is None:
        return None
    digest = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:32]
    return f"search:{kind}:{current}:{language}:{digest}"


def get(cache_key):
    if cache_key is None:
        return None
    try:
        return cache.get(cache_key)
    except Exception:  # noqa: BLE001
        return None


def set(cache_key, value):  # noqa: A001 - mirrors the cache API
    if cache_key is None:
        return
    try:
        cache.set(cache_key, value, TIMEOUT)
    except Exception:  # noqa: BLE001, S110
        pass
