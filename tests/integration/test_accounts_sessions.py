"""Login, sessions and redirects: what a learner (or an attacker) would notice."""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "lotus-river-4417"
NEW_PASSWORD = "moonlit-garden-9921"


@pytest.fixture
def learner():
    user = User.objects.create_user(
        email="ana@example.com", password=PASSWORD, name="Ana"
    )
    EmailAddress.objects.create(
        user=user, email=user.email, primary=True, verified=True
    )
    return user


def log_in(client, user, password=PASSWORD, **extra):
    return client.post(
        "/en/accounts/login/", {"login": user.email, "password": password, **extra}
    )


def is_signed_in(client):
    return client.get("/en/accounts/").status_code == 200


def test_session_key_changes_at_login(client, learner):
    client.get("/en/accounts/login/")
    session = client.session
    session["visited"] = True
    session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert log_in(client, learner).status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before


def test_sessions_live_in_redis_backed_by_the_database():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    assert settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"


def test_without_remember_me_the_session_ends_with_the_browser(client, learner):
    log_in(client, learner)
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == ""
    assert client.session.get_expire_at_browser_close()


def test_remember_me_keeps_the_learner_signed_in_for_30_days(client, learner):
    log_in(client, learner, remember="on")
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 30 * 24 * 3600


def test_logout_needs_a_post(client, learner):
    log_in(client, learner)
    page = client.get("/en/accounts/logout/")
    assert page.status_code == 200  # a confirmation page, still signed in
    assert is_signed_in(client)
    assert client.post("/en/accounts/logout/").status_code == 302
    assert not is_signed_in(client)


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "https://evil.example",
        "https://evil.example/en/accounts/",
        "///evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
    ],
)
def test_login_never_redirects_off_site(client, learner, target):
    response = log_in(client, learner, next=target)
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
    assert not response["Location"].startswith(("//", "javascript"))
    assert is_signed_in(client)


def test_login_follows_a_next_on_our_own_site(client, learner):
    response = log_in(client, learner, next="/es/accounts/")
    assert response["Location"] == "/es/accounts/"


def test_password_change_ends_every_other_session(learner):
    here, elsewhere = Client(), Client()
    log_in(here, learner)
    log_in(elsewhere, learner)
    assert is_signed_in(here) and is_signed_in(elsewhere)

    response = here.post(
        "/en/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302

    assert is_signed_in(here)
    assert not is_signed_in(elsewhere)


def test_password_reset_ends_every_session(learner, django_capture_on_commit_callbacks):
    from django.core import mail

    signed_in = Client()
    log_in(signed_in, learner)
    visitor = Client()
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post("/en/accounts/password/reset/", {"email": learner.email})
    link = next(
        word for word in mail.outbox[-1].body.split() if "/password/reset/key/" in word
    )
    form = visitor.get(link.split("testserver")[-1], follow=True)
    visitor.post(
        form.redirect_chain[-1][0],
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)
    assert not is_signed_in(signed_in)


def test_weak_passwords_are_refused_at_sign_up(client):
    for weak in ["short1", "password123", "12345678901", "ana.ruiz.example"]:
        cache.clear()  # each attempt on its own, below the sign-up rate limit
        response = client.post(
            "/en/accounts/signup/",
            {
                "name": "Ana Ruiz",
                "email": "ana.ruiz@example.com",
                "password1": weak,
                "password2": weak,
            },
        )
        assert response.status_code == 200, weak
    assert not User.objects.filter(email="ana.ruiz@example.com").exists()
