"""`manage.py check_deployment` against the production settings served locally.

This is how CI runs the deployment guide's checklist: gunicorn with
`mystic.settings.production` and `mystic/gunicorn.conf.py` on 127.0.0.1, over the
test database (a small bilingual catalog) and Redis, reached as a TLS-terminating
proxy would reach it. Green as configured; red, naming the row, when an operator
switches HSTS off (`SECURE_HSTS_SECONDS=0`, a documented setting).
"""

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from tests.support.catalog import build_catalog

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
ALLOWED_ORIGIN = "https://app.example.com"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(media_root, **overrides):
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mystic.settings.production",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/"
        f"{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "CACHE_KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"],
        "SECRET_KEY": "check-deployment-test-key-0123456789-abcdefghijklmnopqrstuv",
        "ALLOWED_HOSTS": "127.0.0.1",
        "CORS_ALLOWED_ORIGINS": ALLOWED_ORIGIN,
        "MEDIA_ROOT": str(media_root),
        "STRIPE_SECRET_KEY": "sk_test_check_deployment",
        "STRIPE_WEBHOOK_SECRET": "whsec_check_deployment",
        "REQUEST_LOG_LEVEL": "WARNING",
        **overrides,
    }


def static_files_are_fresh():
    """The manifest of an earlier production collectstatic is newer than every
    source file the finders see: collecting again (20 s here) would change nothing."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        return False
    collected = manifest.stat().st_mtime
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            if os.path.getmtime(storage.path(path)) > collected:
                return False
    return True


@pytest.fixture(scope="module")
def production_static():
    """Hashed, compressed static files with their manifest, as `make serve` has."""
    if static_files_are_fresh():
        return
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "mystic.settings.production"}
    env.update(
        SECRET_KEY="collectstatic-only-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        DATABASE_URL="postgres://unused@127.0.0.1/unused",
        REDIS_URL="redis://127.0.0.1:6379/0",
        ALLOWED_HOSTS="127.0.0.1",
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def run_the_task_worker_once(media_root):
    """What `make serve`'s scheduler and worker do first: a heartbeat enqueued
    and run, so /api/health finds the worker alive."""
    env = production_env(media_root)
    enqueue = "from background.jobs import heartbeat; heartbeat.enqueue()"
    for command in (["shell", "-c", enqueue], ["db_worker", "--batch", "--no-reload"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


@contextmanager
def production_server(media_root, **overrides):
    """Gunicorn with the production settings and config; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "mystic.wsgi",
            "--config",
            str(ROOT / "mystic" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=production_env(media_root, **overrides),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 40
        while True:
            try:
                requests.get(f"{base}/api/health/web", timeout=5)
                break
            except requests.RequestException:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        "the production server did not start"
                    ) from None
                time.sleep(0.2)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)


def check_deployment(base):
    out = StringIO()
    try:
        call_command("check_deployment", base, cors_origin=ALLOWED_ORIGIN, stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


def row_of(table, check):
    """(outcome, detail) of the table's row for `check`."""
    (line,) = [line for line in table.splitlines() if line.startswith(check + "  ")]
    outcome, _, detail = line[len(check) :].strip().partition(" ")
    return outcome, detail.strip()


def outcome_of(table, check):
    return row_of(table, check)[0]


@pytest.fixture
def bilingual_site(tmp_path):
    with override_settings(MEDIA_ROOT=str(tmp_path)):
        build_catalog()
    return tmp_path


def test_production_settings_pass_the_guides_checklist_and_fail_without_hsts(
    production_static, bilingual_site
):
    run_the_task_worker_once(bilingual_site)
    with production_server(bilingual_site) as base:
        table, failure = check_deployment(base)
    assert failure is None, table
    for check in (
        "health",
        "health: queue",
        "home (es)",
        "catalog (es)",
        "static assets",
        "header: Strict-Transport-Security",
        "HTTP → HTTPS redirect",
        "CORS limited to the API",
        "rate limiting",
        "CSRF refused without a token",
        "Stripe webhook refuses unsigned",
        "admin login page",
    ):
        assert outcome_of(table, check) == "pass", table
    assert "All 23 checks passed." in table

    cache.clear()  # the rate-limit window of the first run
    with production_server(bilingual_site, SECURE_HSTS_SECONDS="0") as base:
        # As an operator runs it: the command line, with the production settings.
        run = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "check_deployment",
                base,
                "--cors-origin",
                ALLOWED_ORIGIN,
            ],
            cwd=ROOT,
            env=production_env(bilingual_site),
            capture_output=True,
            text=True,
            timeout=60,
        )
    table = run.stdout
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 check(s) failed: header: Strict-Transport-Security" in run.stderr
    assert row_of(table, "header: Strict-Transport-Security") == ("FAIL", "missing")
    assert [line for line in table.splitlines() if "  FAIL  " in line] == [
        line for line in table.splitlines() if "Strict-Transport-Security" in line
    ]
