"""A learner's profile: name, language of emails, email change, verification."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from accounts.models import OutgoingEmail, User
from accounts.verification import has_verified_email

pytestmark = pytest.mark.django_db
PASSWORD = "lotus-river-4417"


@pytest.fixture
def learner():
    user = User.objects.create_user(email="ana@example.com", password=PASSWORD)
    EmailAddress.objects.create(
        user=user, email=user.email, primary=True, verified=True
    )
    return user


@pytest.fixture
def signed_in(client, learner):
    client.post("/en/accounts/login/", {"login": learner.email, "password": PASSWORD})
    return client


def link_in(message, part):
    return next(u for u in re.findall(r"https?://\S+", message.body) if part in u)


def test_name_and_language_are_saved_and_used_for_the_next_email(
    signed_in, learner, django_capture_on_commit_callbacks
):
    response = signed_in.post(
        "/en/accounts/profile/", {"name": "Ana Ruiz", "preferred_language": "es"}
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert (learner.name, learner.preferred_language) == ("Ana Ruiz", "es")

    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(
            "/en/accounts/email/", {"email": "ana.new@example.com", "action_add": ""}
        )
    message = mail.outbox[-1]
    assert message.to == ["ana.new@example.com"]
    assert "/es/accounts/confirm-email/" in message.body
    assert "correo" in message.body.lower()


def test_a_new_email_replaces_the_old_only_once_verified(
    signed_in, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            "/en/accounts/email/", {"email": "ana.new@example.com", "action_add": ""}
        )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.email == "ana@example.com"  # not yet
    assert has_verified_email(learner)

    link = link_in(mail.outbox[-1], "/confirm-email/").split("testserver")[-1]
    signed_in.post(link)

    learner.refresh_from_db()
    assert learner.email == "ana.new@example.com"
    assert has_verified_email(learner)
    assert list(EmailAddress.objects.filter(user=learner).values_list("email")) == [
        ("ana.new@example.com",)
    ]


def test_an_unverified_learner_signing_in_gets_a_new_verification_email(
    client, django_capture_on_commit_callbacks
):
    """Verification is mandatory: signing in with an unproved address sends the
    link again instead of opening the account."""
    user = User.objects.create_user(email="sol@example.com", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, primary=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/accounts/login/", {"login": user.email, "password": PASSWORD}
        )
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert client.get("/en/accounts/").status_code == 302  # not signed in
    assert OutgoingEmail.objects.filter(to="sol@example.com").exists()
    assert "/confirm-email/" in mail.outbox[-1].body


def test_has_verified_email_for_anonymous_and_unverified_users(learner):
    from django.contrib.auth.models import AnonymousUser

    assert has_verified_email(learner)
    assert not has_verified_email(AnonymousUser())
    assert not has_verified_email(None)
    EmailAddress.objects.filter(user=learner).update(verified=False)
    assert not has_verified_email(learner)


def test_account_pages_need_a_signed_in_learner(client):
    for path in ["/en/accounts/", "/en/accounts/profile/", "/en/accounts/my-data/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert "/en/accounts/login/" in response["Location"]


def test_header_shows_sign_in_or_my_account(client, signed_in, site_tree):
    page = signed_in.get("/es/")
    assert "Mi cuenta" in page.content.decode()
    assert b'action="/es/accounts/logout/"' in page.content
