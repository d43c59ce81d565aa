"""Sign-up verification and password reset, with real mail over SMTP on 127.0.0.1."""

import time
from urllib.parse import urlsplit

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from accounts.models import OutgoingEmail, User
from accounts.verification import has_verified_email
from tests.fakes.smtp_server import SMTPServer

pytestmark = pytest.mark.django_db
PASSWORD = "lotus-river-4417"


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (the outbox sends after commit)."""
    return django_capture_on_commit_callbacks


@pytest.fixture
def smtp():
    with SMTPServer() as server, override_settings(**server.django_settings()):
        yield server


def later(minutes):
    """Move the clock forward (a timestamp: Django's TZ setting confuses datetimes)."""
    return time_machine.travel(time.time() + minutes * 60, tick=True)


def sign_up(client, capture, email, lang="en", name="Ana Ruiz"):
    with capture(execute=True):
        return client.post(
            f"/{lang}/accounts/signup/",
            {
                "name": name,
                "email": email,
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )


def path_of(url):
    return urlsplit(url).path


def test_signup_email_link_verifies_the_address(client, smtp, capture):
    response = sign_up(client, capture, "ana@example.com")
    assert response.status_code == 302
    user = User.objects.get(email="ana@example.com")
    assert user.name == "Ana Ruiz"
    assert not has_verified_email(user)

    message = smtp.wait_for("ana@example.com")
    assert message["Subject"].startswith("[Mystic Courses]")
    assert "Mystic Courses" in smtp.text(message)
    assert "<html" in smtp.html(message) and "Mystic Courses" in smtp.html(message)
    link = next(u for u in smtp.links(message) if "/confirm-email/" in u)
    assert path_of(link).startswith("/en/accounts/confirm-email/")

    assert client.get(path_of(link)).status_code == 200
    assert client.post(path_of(link)).status_code == 302
    assert has_verified_email(user)


def test_spanish_visitor_gets_a_spanish_email_with_a_spanish_link(
    client, smtp, capture
):
    sign_up(client, capture, "lucia@example.com", "es")
    user = User.objects.get(email="lucia@example.com")
    assert user.preferred_language == "es"
    message = smtp.wait_for("lucia@example.com")
    assert "Hola" in smtp.text(message)
    link = next(u for u in smtp.links(message) if "/confirm-email/" in u)
    assert path_of(link).startswith("/es/accounts/confirm-email/")


def make_user(email="maria@example.com", language="en", verified=True):
    user = User.objects.create_user(
        email=email, password=PASSWORD, name="María", preferred_language=language
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    return user


def request_reset(client, capture, email, lang="en"):
    with capture(execute=True):
        return client.post(f"/{lang}/accounts/password/reset/", {"email": email})


def test_reset_link_from_email_sets_a_new_password_once(client, smtp, capture):
    user = make_user()
    response = request_reset(client, capture, user.email)
    assert response.status_code == 302
    message = smtp.wait_for(user.email)
    link = path_of(next(u for u in smtp.links(message) if "/password/reset/key/" in u))

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    new = "moonlit-garden-9921"
    done = client.post(set_url, {"password1": new, "password2": new})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)

    # The same link again: refused, the password stays.
    again = client.get(link, follow=True)
    assert b"password2" not in again.content
    assert again.context["token_fail"] is True
    user.refresh_from_db()
    assert user.check_password(new)


def test_reset_link_expires_after_one_hour(client, smtp, capture):
    user = make_user()
    request_reset(client, capture, user.email)
    link = path_of(
        next(
            u
            for u in smtp.links(smtp.wait_for(user.email))
            if "/password/reset/key/" in u
        )
    )
    with later(minutes=61):
        page = client.get(link, follow=True)
    assert page.context["token_fail"] is True


def test_reset_answer_is_the_same_for_unknown_addresses(client, smtp, capture):
    make_user()
    known = request_reset(client, capture, "maria@example.com")
    unknown = request_reset(client, capture, "nobody@example.com")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # The stranger's inbox learns nothing either: no reset link in it.
    stranger = smtp.wait_for("nobody@example.com")
    assert not [u for u in smtp.links(stranger) if "/password/reset/key/" in u]


def test_emails_follow_the_preferred_language_not_the_page(client, smtp, capture):
    user = make_user(language="es")
    request_reset(client, capture, user.email, lang="en")
    message = smtp.wait_for(user.email)
    assert "contraseña" in smtp.text(message)
    link = next(u for u in smtp.links(message) if "/password/reset/key/" in u)
    assert path_of(link).startswith("/es/")


def test_slow_smtp_server_never_breaks_sign_up_and_mail_is_retried(client, capture):
    with (
        SMTPServer(mode="slow", delay=3) as smtp,
        override_settings(**smtp.django_settings(timeout=1)),
    ):
        response = sign_up(client, capture, "sol@example.com")
        assert response.status_code == 302
        assert User.objects.filter(email="sol@example.com").exists()
        queued = OutgoingEmail.objects.get(to="sol@example.com")
        assert queued.status == OutgoingEmail.Status.QUEUED
        assert queued.attempts == 1 and queued.last_error
        assert queued.next_attempt_at > timezone.now()

        smtp.mode = "ok"
        call_command("send_queued_email")  # not due yet: nothing sent
        queued.refresh_from_db()
        assert queued.status == OutgoingEmail.Status.QUEUED
        with later(minutes=2):
            call_command("send_queued_email")
        queued.refresh_from_db()
        assert queued.status == OutgoingEmail.Status.SENT
        assert smtp.wait_for("sol@example.com")


def test_failing_smtp_server_is_retried_with_backoff_then_given_up(
    client, capture, settings
):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    with (
        SMTPServer(mode="down") as smtp,
        override_settings(**smtp.django_settings()),
    ):
        response = sign_up(client, capture, "rio@example.com")
        assert response.status_code == 302
        queued = OutgoingEmail.objects.get(to="rio@example.com")
        first_delay = queued.next_attempt_at - timezone.now()
        with later(minutes=2):
            call_command("send_queued_email")
        queued.refresh_from_db()
        assert queued.attempts == 2
        assert queued.next_attempt_at - timezone.now() > first_delay
        with later(minutes=10):
            call_command("send_queued_email")
        queued.refresh_from_db()
        assert queued.status == OutgoingEmail.Status.FAILED
