"""The failed-login limit holds across app processes that share Redis.

Two real gunicorn processes serve the same PostgreSQL database and Redis; an
attacker spreading guesses over both is still refused at the sixth attempt.
"""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from accounts.models import User

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "lotus-river-4417"
ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def two_app_processes():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mystic.settings.test",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.REDIS_URL,
    }
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
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
        for port in ports:
            wait_until_up(port)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)


def wait_until_up(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/api/health", timeout=10)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise AssertionError(f"app on port {port} did not start")


def log_in(base_url, email, password):
    session = requests.Session()
    page = session.get(f"{base_url}/en/accounts/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    return session.post(
        f"{base_url}/en/accounts/login/",
        data={"login": email, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base_url}/en/accounts/login/"},
        allow_redirects=False,
        timeout=10,
    )


def test_sixth_failed_login_is_refused_across_two_processes(two_app_processes):
    cache.clear()
    user = User.objects.create_user(email="ana@example.com", password=PASSWORD)
    EmailAddress.objects.create(
        user=user, email=user.email, primary=True, verified=True
    )
    first, second = two_app_processes

    for base_url in (first, second, first, second, first):
        assert log_in(base_url, user.email, "wrong-password-1").status_code == 200
    refused = log_in(second, user.email, PASSWORD)

    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 900
    cache.clear()
    assert log_in(second, user.email, PASSWORD).status_code == 302
