"""Tests: real PostgreSQL and Redis (defaults match a developer machine)."""

import os

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mystic")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")

from mystic.settings.base import *  # noqa: E402, F403

INSTALLED_APPS = [*INSTALLED_APPS, "demo", "devtools"]  # noqa: F405
SECRET_KEY = "test-only-key-with-enough-length-to-be-used-for-signing-things"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES["default"]["KEY_PREFIX"] = "mystic-test"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# Tasks run inline where they are enqueued (as Wagtail's did before decision
# 0090); tests of the queue itself switch to the database backend and run a real
# worker (tests/support/tasks.py).
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# Off unless a test switches it on (tests/integration/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
