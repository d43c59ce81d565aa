"""Real gunicorn app servers for tests that need more than one process
sharing the test database and Redis (as servers behind a balancer do)."""

import contextlib
import subprocess
import sys
import time
from pathlib import Path

import requests
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def database_url():
    """The test database, as the servers' DATABASE_URL."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@contextlib.contextmanager
def app_servers(env, ports):
    """One single-worker gunicorn per port with `env`; yields their processes."""
    processes = [
        subprocess.Popen(  # noqa: S603
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "mystic.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        yield processes
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)


def wait_until_up(base, process, timeout=60):
    """Until the server at `base` answers its load-balancer check."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            requests.get(f"{base}/api/health/web", timeout=10)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise AssertionError(f"app server {base} did not start")
