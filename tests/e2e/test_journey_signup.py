"""A Spanish-speaking visitor signs up, verifies from the email, signs out and in."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.test import override_settings
from playwright.sync_api import Page, expect

from accounts.models import User
from accounts.verification import has_verified_email
from tests.fakes.smtp_server import SMTPServer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "loto-del-rio-4417"


@pytest.fixture
def smtp():
    cache.clear()
    with SMTPServer() as server, override_settings(**server.django_settings()):
        yield server
    cache.clear()


def test_spanish_sign_up_verify_sign_out_sign_in(
    live_server, site_tree, smtp, page: Page
):
    page.goto(f"{live_server.url}/es/")
    page.get_by_role("link", name="Crear una cuenta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Crear una cuenta")

    page.get_by_label("Nombre").fill("Lucía Pérez")
    page.get_by_label("Correo electrónico").fill("lucia@example.com")
    page.get_by_label("Contraseña", exact=True).fill(PASSWORD)
    page.get_by_label("Contraseña (otra vez)").fill(PASSWORD)
    page.get_by_role("button", name="Crear cuenta").click()

    # Verification is mandatory: the same page whether or not the address was
    # already registered (no account enumeration); signed in once confirmed.
    expect(page).to_have_url(re.compile(r"/es/accounts/confirm-email/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Verifique su dirección de correo electrónico"
    )
    user = User.objects.get(email="lucia@example.com")
    assert user.preferred_language == "es"

    message = smtp.wait_for("lucia@example.com")
    assert "Hola" in smtp.text(message)
    link = next(u for u in smtp.links(message) if "/confirm-email/" in u)
    assert urlsplit(link).path.startswith("/es/accounts/confirm-email/")
    page.goto(link)
    page.get_by_role("button", name="Confirmar").click()
    assert has_verified_email(user)

    page.get_by_role("button", name="Cerrar sesión").click()
    expect(page).to_have_url(re.compile(r"/es/$"))
    expect(page.get_by_role("link", name="Iniciar sesión")).to_be_visible()

    page.get_by_role("link", name="Iniciar sesión").click()
    page.get_by_label("Correo electrónico").fill("lucia@example.com")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()

    expect(page).to_have_url(re.compile(r"/es/$"))
    page.get_by_role("link", name="Mi cuenta").click()
    expect(page.get_by_text("verificado", exact=True)).to_be_visible()
    expect(page.get_by_text("lucia@example.com")).to_be_visible()
