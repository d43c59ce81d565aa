"""Sign-up does not reveal which addresses are registered: a stranger trying a
known address sees exactly what a newcomer sees; the owner is told by email."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from tests.support.commerce import make_learner

pytestmark = pytest.mark.django_db
PASSWORD = "lotus-river-4417"


def sign_up(email, capture, language="en"):
    with translation.override(language):
        url = reverse("account_signup")
    with capture(execute=True):
        response = Client().post(
            url,
            {
                "name": "Eve",
                "email": email,
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
            follow=True,
        )
    return response


def answer(response, email):
    """What the visitor sees: the status, where they land, the page's main text
    (the address they typed shown as a placeholder)."""
    path = response.redirect_chain[-1][0] if response.redirect_chain else None
    html = response.content.decode()
    main = html[html.find("<main") : html.find("</main>")]
    return response.status_code, path, main.replace(email, "<address>")


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_registered_address_gets_the_same_answer_as_a_new_one(
    django_capture_on_commit_callbacks, language
):
    owner = make_learner("maria@example.com")
    newcomer = sign_up(
        "newcomer@example.com", django_capture_on_commit_callbacks, language
    )
    stranger = sign_up(
        "maria@example.com", django_capture_on_commit_callbacks, language
    )

    assert answer(stranger, "maria@example.com") == answer(
        newcomer, "newcomer@example.com"
    )
    assert "already" not in stranger.content.decode().lower()
    assert User.objects.filter(email__iexact="maria@example.com").count() == 1
    owner.refresh_from_db()
    assert owner.check_password("a-long-password-1")  # the stranger changed nothing

    to_owner = [m for m in mail.outbox if m.to == ["maria@example.com"]]
    to_newcomer = [m for m in mail.outbox if m.to == ["newcomer@example.com"]]
    assert len(to_owner) == 1 and len(to_newcomer) == 1
    assert "/password/reset/" in to_owner[0].body  # "you already have one"
    assert "/confirm-email/" in to_newcomer[0].body
