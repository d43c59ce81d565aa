"""A learner buys a guided-meditation audio, in Spanish and in English, and
downloads it.

The file lives on a real S3-compatible server (moto, tests/support/s3.py);
Stripe is the project's stand-in as its own server. She pays through the same
cart and Checkout as a course, finds "Mis descargas" / "My downloads" in the
header (on a 390 px phone too), downloads from there and from the receipt
email, cannot buy the file again from a tab left open, reaches the purchase's
limit and reads why; a visitor without her session, a forged link and an
expired one are each refused in her language.
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


WORDS = {
    "es": {
        "title": "Meditación de la tarde",
        "price": "8,00\xa0€",
        "per_purchase": "Descargas por compra",
        "add": "Añadir al carrito",
        "check_out": "Pagar",
        "line": "Meditación de la tarde: 8.00 EUR",
        "my_downloads": "Mis descargas",
        "left": "Te quedan 2 descargas",
        "download": "Descargar",
        "confirmed": "confirmado",
        "link": r"/es/descarga/",
        "owned": "Ya tienes «Meditación de la tarde».",
        "own_badge": "Ya tienes esta descarga.",
        "used_all": "Ya has usado todas las descargas",
        "used_all_link": "Ya has usado todas las descargas que permite esta compra.",
        "forged": "Este enlace de descarga no es válido.",
        "expired": "ha caducado",
        "sign_in_please": "Inicia sesión con la cuenta que compró este archivo.",
        "sign_in": "Iniciar sesión",
    },
    "en": {
        "title": "Evening Meditation",
        "price": "$9.00",
        "per_purchase": "Downloads per purchase",
        "add": "Add to cart",
        "check_out": "Check out",
        "line": "Evening Meditation: 9.00 USD",
        "my_downloads": "My downloads",
        "left": "2 downloads left",
        "download": "Download",
        "confirmed": "confirmed",
        "link": r"/en/download/",
        "owned": "You already own “Evening Meditation”.",
        "own_badge": "You own this download.",
        "used_all": "You have used every download",
        "used_all_link": "You have used every download this purchase allows.",
        "forged": "This download link is not valid.",
        "expired": "has expired",
        "sign_in_please": "Sign in with the account that bought this file.",
        "sign_in": "Sign in",
    },
}
HEADER_ITEMS = (
    ".brand",
    ".account-menu",
    ".cart-link",
    ".my-courses-link",
    ".my-bookings-link",
    ".my-downloads-link",
    ".language-switcher",
)


def url_in(language, live_server, name, *args):
    with translation.override(language):
        return f"{live_server.url}{reverse(name, args=args)}"


def receipt_link(page, email, words):
    for _attempt in range(100):
        for message in mail.outbox:
            if message.to == [email] and words["confirmed"] in message.subject:
                found = re.search(rf"https?://\S+{words['link']}[^/\s]+/", message.body)
                assert found, message.body
                return found.group(0)
        page.wait_for_timeout(100)
    raise AssertionError("no receipt")


def overlap(a, b):
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def header_is_tidy(page, width):
    """Every header item visible, none on top of another, nothing off-screen."""
    boxes = {}
    for selector in HEADER_ITEMS:
        item = page.locator(f".site-header {selector}")
        expect(item).to_be_visible()
        boxes[selector] = item.bounding_box()
        assert boxes[selector]["x"] >= 0
        assert boxes[selector]["x"] + boxes[selector]["width"] <= width + 1, selector
    for first in HEADER_ITEMS:
        for second in HEADER_ITEMS:
            if first < second:
                assert not overlap(boxes[first], boxes[second]), (first, second)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("language", ["es", "en"])
def test_learner_buys_audio_downloads_it_until_the_limit(
    live_server, shop, page: Page, browser, no_server_errors, language
):
    words = WORDS[language]
    product_page = shop.es if language == "es" else shop.en
    no_server_errors.watch(page)
    main = page.locator("main")
    make_learner("lucia@example.com")
    page.goto(url_in(language, live_server, "account_login"))
    page.locator("input[name=login]").fill("lucia@example.com")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_load_state()

    # The product page, in her language, with its price in her currency; she
    # also leaves it open in a second tab.
    page.goto(f"{live_server.url}{product_page.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title"])
    expect(page.locator(".course-price")).to_contain_text(words["price"])
    expect(main).to_contain_text(words["per_purchase"])
    page.screenshot(path=f"{SHOTS}/1-product-{language}.png", full_page=True)
    other_tab = no_server_errors.watch(page.context.new_page())
    other_tab.goto(f"{live_server.url}{product_page.url}")
    page.get_by_role("button", name=words["add"]).click()

    # The same cart and Stripe Checkout as a course.
    page.goto(url_in(language, live_server, "commerce:cart"))
    expect(main).to_contain_text(words["title"])
    page.get_by_role("button", name=words["check_out"]).click()
    expect(page.locator("[data-line-item]")).to_have_text([words["line"]])
    page.get_by_role("button", name="Pay (test)").click()
    expect(page.locator("[data-order-status]")).to_have_attribute(
        "data-order-status", "paid", timeout=15_000
    )

    # She owns it now: the tab left open cannot sell it to her twice.
    other_tab.get_by_role("button", name=words["add"]).click()
    expect(other_tab.locator(".messages")).to_contain_text(words["owned"])
    other_tab.screenshot(path=f"{SHOTS}/2-owned-{language}.png", full_page=True)
    other_tab.goto(f"{live_server.url}{product_page.url}")
    expect(other_tab.locator("main")).to_contain_text(words["own_badge"])
    expect(other_tab.get_by_role("button", name=words["add"])).to_have_count(0)
    other_tab.close()

    # The header leads to her downloads, tidy on a 390 px phone.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/{language}/")
    header_is_tidy(page, 390)
    page.screenshot(path=f"{SHOTS}/3-header-phone-{language}.png")
    link = page.locator(".site-header .my-downloads-link")
    expect(link).to_have_text(words["my_downloads"])
    link.click()
    expect(page).to_have_url(url_in(language, live_server, "downloads:my_downloads"))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["my_downloads"])
    page.set_viewport_size({"width": 1280, "height": 720})

    # My downloads: the file, as bought.
    expect(main).to_contain_text(words["left"])
    page.screenshot(path=f"{SHOTS}/4-my-downloads-{language}.png", full_page=True)
    with page.expect_download() as first:
        main.get_by_role("link", name=words["download"], exact=True).click()
    with open(first.value.path(), "rb") as saved:
        assert saved.read() == shop.content
    assert first.value.suggested_filename == "evening-meditation.mp3"

    # The receipt's link works too (the purchase's second and last download).
    link = receipt_link(page, "lucia@example.com", words)
    response = page.request.get(link)
    assert response.status == 200 and response.body() == shop.content

    # The limit: no button any more, and the link says why (410).
    page.goto(url_in(language, live_server, "downloads:my_downloads"))
    expect(main).to_contain_text(words["used_all"])
    expect(main.get_by_role("link", name=words["download"], exact=True)).to_have_count(
        0
    )
    page.screenshot(path=f"{SHOTS}/5-limit-reached-{language}.png", full_page=True)
    refused = page.goto(link)
    assert refused.status == 410
    expect(page.get_by_role("alert")).to_contain_text(words["used_all_link"])
    page.screenshot(path=f"{SHOTS}/6-limit-link-{language}.png", full_page=True)
    assert DownloadLog.objects.count() == 2

    # A forged link and an expired one, for the buyer herself.
    token = link.rstrip("/").rsplit("/", 1)[1]
    forged = page.goto(link.replace(token, token[:-4] + "AAAA"))
    assert forged.status == 403
    expect(page.get_by_role("alert")).to_have_text(words["forged"])
    page.screenshot(path=f"{SHOTS}/7-forged-{language}.png", full_page=True)
    with translation.override(language):
        expired_path = links.make_url(DownloadGrant.objects.get(), product_page, -1)
    expired = page.goto(f"{live_server.url}{expired_path}")
    assert expired.status == 410
    expect(page.get_by_role("alert")).to_contain_text(words["expired"])
    page.screenshot(path=f"{SHOTS}/8-expired-{language}.png", full_page=True)

    # Someone with the link but not her session: asked to sign in, no file.
    stranger = no_server_errors.watch(browser.new_context().new_page())
    anonymous = stranger.goto(link)
    assert anonymous.status == 403
    expect(stranger.get_by_role("alert")).to_have_text(words["sign_in_please"])
    sign_in = stranger.locator("main").get_by_role("link", name=words["sign_in"])
    expect(sign_in).to_be_visible()
    stranger.screenshot(path=f"{SHOTS}/9-anonymous-{language}.png", full_page=True)
    assert DownloadLog.objects.count() == 2
