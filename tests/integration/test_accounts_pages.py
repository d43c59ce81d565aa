"""Every account page renders in both languages inside the site's layout."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress

from accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "lotus-river-4417"
ROOT = Path(__file__).resolve().parents[2]

ANONYMOUS_PAGES = [
    "accounts/login/",
    "accounts/signup/",
    "accounts/password/reset/",
    "accounts/password/reset/done/",
]
SIGNED_IN_PAGES = [
    "accounts/",
    "accounts/profile/",
    "accounts/my-data/",
    "accounts/email/",
    "accounts/password/change/",
    "accounts/reauthenticate/",
    "accounts/logout/",
]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_visitor_pages_render_in_the_site_layout(client, lang, path):
    response = client.get(f"/{lang}/{path}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert 'class="site-header"' in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_learner_pages_render_in_the_site_layout(client, lang, path):
    user = User.objects.create_user(email="ana@example.com", password=PASSWORD)
    EmailAddress.objects.create(
        user=user, email=user.email, primary=True, verified=True
    )
    client.force_login(user)
    response = client.get(f"/{lang}/{path}")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()


def test_spanish_sign_in_page_speaks_spanish(client):
    html = client.get("/es/accounts/login/").content.decode()
    assert "Iniciar sesión" in html
    assert "¿Has olvidado tu contraseña?" in html
    assert "Mantener la sesión iniciada en este dispositivo" in html


def test_production_cookies_are_secure_httponly_and_lax():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mystic.settings.production",
        "SECRET_KEY": "x" * 60,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
        "REDIS_URL": "redis://127.0.0.1:6379/2",
        "ALLOWED_HOSTS": "courses.example.com",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SECURE, s.SESSION_ENGINE, "
        "s.PASSWORD_RESET_TIMEOUT)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == [
        "True",
        "True",
        "Lax",
        "True",
        "django.contrib.sessions.backends.cached_db",
        "3600",
    ]
