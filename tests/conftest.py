"""Shared fixtures: the bilingual site tree and the browser (Debian's Chromium)."""

import os

import pytest

# pytest-playwright runs an event loop in the test thread; Django's ORM calls in
# live-server tests are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache.

    Redis outlives test runs and transactional tests' table flushes, and Wagtail
    caches the site's root paths (page ids) there: stale ids break routing.
    """
    from django.core.cache import cache

    from speedups import locale_memo, site_memo

    cache.clear()
    locale_memo.clear()  # locales of rolled-back tests (speedups/locale_memo.py)
    site_memo.clear()  # and sites (speedups/site_memo.py)
    yield
    cache.clear()
    locale_memo.clear()
    site_memo.clear()


@pytest.fixture
def superuser(db, django_user_model):
    """A site administrator: the one admin account the tests share."""
    return django_user_model.objects.create_superuser(
        email="boss@example.com", password="x" * 12
    )


@pytest.fixture
def database_tasks(settings):
    """Tasks go to the database queue; `tests.support.tasks.run_worker()` runs them."""
    from django_tasks_db.models import DBTaskResult

    from tests.support.tasks import DATABASE_TASKS

    settings.TASKS = DATABASE_TASKS
    return DBTaskResult.objects


@pytest.fixture
def site_tree(db):
    """The English home page, with its Spanish translation and the default Site."""
    from home.bootstrap import ensure_site

    return ensure_site()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


# Commerce fixtures: shop_course, shop_learner, stripe_standin.
from tests.support.commerce import shop_course, shop_learner, stripe_standin  # noqa: E402, F401, I001
from tests.support.events import shop_event  # noqa: E402, F401, I001

# Browser journeys: fail on any server error (tests/support/server_errors.py).
from tests.support.server_errors import no_server_errors  # noqa: E402, F401, I001

# Private files on a real S3-compatible server (tests/support/s3.py).
from tests.support.s3 import private_s3, s3_server  # noqa: E402, F401, I001
