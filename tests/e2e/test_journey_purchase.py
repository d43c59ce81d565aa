"""A new learner buys a course in English, and another in Spanish, end to end.

Stripe is the project's stand-in run as its own server with keys set, the way an
operator points `STRIPE_API_BASE` at a Stripe-compatible test server (README):
so the cart page's CSP must let checkout land on that host (issue 14). Every page
the buyer sees, Stripe's page and the receipt name the course in the language it
was bought in, with its price in that language's currency; staff see it in theirs.
"""

import re
from dataclasses import dataclass

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

from commerce.models import Order
from tests.fakes.stripe_server import separate_process
from tests.support.commerce import WEBHOOK_SECRET, build_course, make_learner

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "lotus-river-4417-x"  # noqa: S105


@dataclass
class Buyer:
    language: str
    name: str
    email: str
    title: str  # the course as this buyer reads it
    price: str  # on our pages, in the buyer's language
    stripe_line: str  # on Stripe's checkout page
    enroll: str
    check_out: str
    added: str  # the add-to-cart message


ENGLISH = Buyer(
    "en",
    "Grace",
    "grace@example.com",
    "Gentle Yoga Mornings",
    "$49.00",
    "Gentle Yoga Mornings: 49.00 USD",
    "Enroll",
    "Check out",
    "“Gentle Yoga Mornings” is in your cart.",
)
SPANISH = Buyer(
    "es",
    "Lucía",
    "lucia@example.com",
    "Yoga suave por la mañana",
    "45,00\xa0€",
    "Yoga suave por la mañana: 45.00 EUR",
    "Inscribirse",
    "Pagar",
    "«Yoga suave por la mañana» está en tu carrito.",
)


@pytest.fixture
def shop(live_server, site_tree, settings):
    """The yoga course, and Stripe configured as an operator would (no stand-in
    switched on in settings: keys, webhook secret and API base only)."""
    course = build_course(
        site_tree, "Gentle Yoga Mornings", title_es="Yoga suave por la mañana"
    )
    webhook = f"{live_server.url}/api/checkout/webhook"
    with separate_process(WEBHOOK_SECRET, webhook) as stripe_url:
        settings.SITE_URL = live_server.url
        settings.STRIPE_STANDIN = False
        settings.STRIPE_SECRET_KEY = "sk_test_operator"  # noqa: S105
        settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
        settings.STRIPE_API_BASE = stripe_url
        yield course


def url(live_server, language, name, *args):
    with translation.override(language):
        return f"{live_server.url}{reverse(name, args=args)}"


def verification_link(email):
    for message in reversed(mail.outbox):
        if email in message.to:
            for link in re.findall(r"https?://[^\s\"'<>]+", message.body):
                if "confirm" in link:
                    return link
    raise AssertionError(f"no verification email to {email}")


def wait_for_receipt(page, email, number):
    """The receipt is sent just after the fulfilling request commits."""
    for _attempt in range(100):
        for message in mail.outbox:
            if message.to == [email] and number in message.subject:
                return message
        page.wait_for_timeout(100)
    raise AssertionError(f"no receipt for {number} to {email}")


def sign_up_and_verify(page, live_server, buyer):
    page.goto(url(live_server, buyer.language, "account_signup"))
    page.locator("input[name=name]").fill(buyer.name)
    page.locator("input[name=email]").fill(buyer.email)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_load_state()
    link = verification_link(buyer.email)
    page.goto(link.replace("http://testserver", live_server.url))
    confirm = page.locator("main form button[type=submit]")
    if confirm.count():
        confirm.first.click()
    page.wait_for_load_state()


def buy(page, live_server, shop, buyer):
    """Sign up, verify, add to cart, pay on Stripe's page; returns the order."""
    main = page.locator("main")
    sign_up_and_verify(page, live_server, buyer)

    course = shop.en if buyer.language == "en" else shop.es
    page.goto(f"{live_server.url}{course.url}")
    expect(page.locator(".course-price")).to_contain_text(buyer.price)
    page.get_by_role("button", name=buyer.enroll).click()
    expect(page.get_by_role("status")).to_contain_text(buyer.added)

    # The cart: the course in the buyer's language and currency.
    page.goto(url(live_server, buyer.language, "commerce:cart"))
    expect(main).to_contain_text(buyer.title)
    expect(main).to_contain_text(buyer.price)

    # Checkout lands on the Stripe-compatible test server (the CSP allows it).
    page.get_by_role("button", name=buyer.check_out).click()
    expect(page.locator(".banner")).to_contain_text("TEST MODE")
    expect(page.locator("[data-line-item]")).to_have_text([buyer.stripe_line])
    page.get_by_role("button", name="Pay (test)").click()

    # Back on the shop: confirmed, whether the webhook or the page came first.
    expect(page.locator("[data-order-status]")).to_have_attribute(
        "data-order-status", "paid", timeout=15_000
    )
    order = Order.objects.get(email=buyer.email)
    assert order.language == buyer.language

    page.goto(url(live_server, buyer.language, "commerce:my_orders"))
    expect(main).to_contain_text(order.number)
    expect(main).to_contain_text(buyer.title)
    expect(main).to_contain_text(buyer.price)

    page.goto(url(live_server, buyer.language, "commerce:order_detail", order.number))
    expect(main).to_contain_text(buyer.title)
    expect(main).to_contain_text(buyer.price)

    page.goto(url(live_server, buyer.language, "commerce:my_courses"))
    page.get_by_role("link", name=buyer.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(buyer.title)

    receipt = wait_for_receipt(page, buyer.email, order.number)
    assert buyer.title in receipt.body and buyer.price in receipt.body
    return order


def test_learner_signs_up_and_buys_a_course_in_english(live_server, shop, page: Page):
    buy(page, live_server, shop, ENGLISH)
    page.goto(f"{live_server.url}{shop.paid_lesson.url}")
    expect(page.get_by_text("PAID-BODY-SECRET")).to_be_visible()


def test_learner_buys_in_spanish_then_staff_refund_locks_the_lesson(
    live_server, shop, page: Page, browser
):
    order = buy(page, live_server, shop, SPANISH)
    paid_lesson_es = f"{live_server.url}{shop.paid_lesson_es.url}"
    page.goto(paid_lesson_es)
    expect(page.get_by_text("PAID-BODY-SECRET")).to_be_visible()

    # Staff read the order in English, with what the learner bought it as.
    staff_user = make_learner("boss@example.com", password=PASSWORD)
    staff_user.is_staff = staff_user.is_superuser = True
    staff_user.save()
    staff = browser.new_context().new_page()
    staff.goto(f"{live_server.url}/admin/login/")
    staff.locator("input[name=username]").fill("boss@example.com")
    staff.locator("input[name=password]").fill(PASSWORD)
    staff.locator("form button[type=submit]").first.click()
    staff.goto(f"{live_server.url}/admin/commerce/orders/")
    staff.get_by_role("link", name=order.number).first.click()
    expect(staff.locator("main")).to_contain_text(
        "Gentle Yoga Mornings (bought as “Yoga suave por la mañana”)"
    )
    staff.get_by_role("button", name="Refund").click()
    expect(staff.locator("[data-order-status]")).to_contain_text(
        re.compile("Refunded|refund pending")
    )
    for _attempt in range(150):
        order.refresh_from_db()
        if order.status == Order.REFUNDED:
            break
        page.wait_for_timeout(100)
    assert order.status == Order.REFUNDED

    # The learner's lesson is locked again.
    page.goto(paid_lesson_es)
    expect(page.get_by_text("PAID-BODY-SECRET")).to_have_count(0)
