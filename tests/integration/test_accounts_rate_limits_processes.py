"""The failed-login limit holds across app processes that share Redis.

Two real gunicorn processes serve the same PostgreSQL database and Redis; an
attacker spreading guesses over both is still refused at the sixth attempt.
"""

import os
import re
import socket

import pytest
import requests
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache

from accounts.models import User
from tests.support.app_servers import app_servers, database_url, wait_until_up

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "lotus-river-4417"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def two_app_processes():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mystic.settings.test",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.REDIS_URL,
    }
    ports = [free_port(), free_port()]
    with app_servers(env, ports) as processes:
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for base, process in zip(bases, processes, strict=True):
            wait_until_up(base, process)
        yield bases


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
