"""A learner buys a guided-meditation audio in Spanish and downloads it.

The file lives on a real S3-compatible server (moto, tests/support/s3.py);
Stripe is the project's stand-in as its own server. She pays through the same
cart and Checkout as a course, downloads from "Mis descargas" and from the
receipt email, reaches the purchase's limit and reads why; a visitor without
her session, a forged link and an expired one are each refused in Spanish.
"""

import os
import re
import tempfile

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

from downloads import links
from downloads.models import DownloadGrant, DownloadLog
from tests.fakes.stripe_server import separate_process
from tests.support.commerce import PASSWORD, WEBHOOK_SECRET, make_learner
from tests.support.downloads import build_download

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Screenshots to look at: SCREENSHOT_DIR, else the system temporary directory.
SHOTS = os.environ.get("SCREENSHOT_DIR", tempfile.gettempdir())


@pytest.fixture
def shop(live_server, site_tree, settings, private_s3):
    product = build_download(site_tree, limit=2)
    webhook = f"{live_server.url}/api/checkout/webhook"
    with separate_process(WEBHOOK_SECRET, webhook) as stripe_url:
        settings.SITE_URL = live_server.url
        settings.STRIPE_STANDIN = False
        settings.STRIPE_SECRET_KEY = "sk_test_operator"  # noqa: S105
        settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
        settings.STRIPE_API_BASE = stripe_url
        yield product


def es_url(live_server, name, *args):
    with translation.override("es"):
        return f"{live_server.url}{reverse(name, args=args)}"


def receipt_link(page, email):
    for _attempt in range(100):
        for message in mail.outbox:
            if message.to == [email] and "confirmado" in message.subject:
                found = re.search(r"https?://\S+/es/descarga/[^/\s]+/", message.body)
                assert found, message.body
                return found.group(0)
        page.wait_for_timeout(100)
    raise AssertionError("no receipt")


def test_learner_buys_audio_in_spanish_downloads_it_until_the_limit(
    live_server, shop, page: Page, browser, no_server_errors
):
    no_server_errors.watch(page)
    main = page.locator("main")
    make_learner("lucia@example.com")
    page.goto(f"{live_server.url}/es/accounts/login/")
    page.locator("input[name=login]").fill("lucia@example.com")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_load_state()

    # The product page, in Spanish, with its price in euros.
    page.goto(f"{live_server.url}{shop.es.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meditación de la tarde")
    expect(page.locator(".course-price")).to_contain_text("8,00\xa0€")
    expect(main).to_contain_text("Descargas por compra")
    page.screenshot(path=f"{SHOTS}/1-product-es.png", full_page=True)
    page.get_by_role("button", name="Añadir al carrito").click()

    # The same cart and Stripe Checkout as a course.
    page.goto(es_url(live_server, "commerce:cart"))
    expect(main).to_contain_text("Meditación de la tarde")
    page.get_by_role("button", name="Pagar").click()
    expect(page.locator("[data-line-item]")).to_have_text(
        ["Meditación de la tarde: 8.00 EUR"]
    )
    page.get_by_role("button", name="Pay (test)").click()
    expect(page.locator("[data-order-status]")).to_have_attribute(
        "data-order-status", "paid", timeout=15_000
    )

    # Mis descargas: the file, as bought.
    page.goto(es_url(live_server, "downloads:my_downloads"))
    expect(main).to_contain_text("Te quedan 2 descargas")
    page.screenshot(path=f"{SHOTS}/2-my-downloads-es.png", full_page=True)
    with page.expect_download() as first:
        page.get_by_role("link", name="Descargar").click()
    with open(first.value.path(), "rb") as saved:
        assert saved.read() == shop.content
    assert first.value.suggested_filename == "evening-meditation.mp3"

    # The receipt's link works too (the purchase's second and last download).
    link = receipt_link(page, "lucia@example.com")
    response = page.request.get(link)
    assert response.status == 200 and response.body() == shop.content

    # The limit: no button any more, and the link says why (410).
    page.goto(es_url(live_server, "downloads:my_downloads"))
    expect(main).to_contain_text("Ya has usado todas las descargas")
    expect(page.get_by_role("link", name="Descargar")).to_have_count(0)
    page.screenshot(path=f"{SHOTS}/3-limit-reached-es.png", full_page=True)
    refused = page.goto(link)
    assert refused.status == 410
    expect(page.get_by_role("alert")).to_contain_text(
        "Ya has usado todas las descargas que permite esta compra."
    )
    page.screenshot(path=f"{SHOTS}/4-limit-link-es.png", full_page=True)
    assert DownloadLog.objects.count() == 2

    # A forged link and an expired one, for the buyer herself.
    token = link.rstrip("/").rsplit("/", 1)[1]
    forged = page.goto(link.replace(token, token[:-4] + "AAAA"))
    assert forged.status == 403
    expect(page.get_by_role("alert")).to_have_text(
        "Este enlace de descarga no es válido."
    )
    page.screenshot(path=f"{SHOTS}/5-forged-es.png", full_page=True)
    with translation.override("es"):
        expired_path = links.make_url(DownloadGrant.objects.get(), shop.es, -1)
    expired = page.goto(f"{live_server.url}{expired_path}")
    assert expired.status == 410
    expect(page.get_by_role("alert")).to_contain_text("ha caducado")
    page.screenshot(path=f"{SHOTS}/6-expired-es.png", full_page=True)

    # Someone with the link but not her session: asked to sign in, no file.
    stranger = no_server_errors.watch(browser.new_context().new_page())
    anonymous = stranger.goto(link)
    assert anonymous.status == 403
    expect(stranger.get_by_role("alert")).to_have_text(
        "Inicia sesión con la cuenta que compró este archivo."
    )
    sign_in = stranger.locator("main").get_by_role("link", name="Iniciar sesión")
    expect(sign_in).to_be_visible()
    stranger.screenshot(path=f"{SHOTS}/7-anonymous-es.png", full_page=True)
    assert DownloadLog.objects.count() == 2
