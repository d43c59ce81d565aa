"""A Spanish-speaking visitor buys a course end to end, through the local Stripe
stand-in's hosted checkout page; staff refund it and the lesson locks again."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from commerce.models import Order
from tests.support.commerce import make_learner

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "lotus-river-4417-x"  # noqa: S105


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()


def verification_link(email):
    for message in reversed(mail.outbox):
        if email in message.to:
            links = re.findall(r"https?://[^\s\"'<>]+", message.body)
            for link in links:
                if "confirm" in link or "verif" in link:
                    return link
    raise AssertionError(f"no verification email to {email}")


def test_visitor_buys_in_spanish_then_staff_refund_locks_the_lesson(
    live_server, shop_course, stripe_standin, page: Page, browser, settings
):
    settings.SITE_URL = live_server.url
    stripe_standin.webhook_url = f"{live_server.url}/api/checkout/webhook"
    paid_lesson_es = f"{live_server.url}{shop_course.paid_lesson_es.url}"

    # An anonymous visitor reads the Spanish course and puts it in the cart.
    page.goto(f"{live_server.url}{shop_course.es.url}")
    expect(page.locator(".course-price")).to_contain_text("45,00")
    page.get_by_role("button", name="Inscribirse").click()
    expect(page).to_have_url(re.compile(r"/es/cart/$"))
    expect(page.locator("[data-cart-total]")).to_have_text("45,00\xa0€")
    expect(page.locator("[data-cart-count]")).to_have_text("1")

    # Paying needs an account: sign up, then verify the address from the email.
    page.get_by_role("button", name="Pagar").click()
    expect(page).to_have_url(re.compile(r"/es/accounts/login/"))
    page.goto(f"{live_server.url}/es/accounts/signup/")
    page.locator("input[name=name]").fill("Lucía")
    page.locator("input[name=email]").fill("lucia@example.com")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_load_state()
    link = verification_link("lucia@example.com")
    page.goto(link.replace("http://testserver", live_server.url))
    confirm = page.locator("main form button[type=submit]")
    if confirm.count():
        confirm.first.click()

    # The cart survived sign-up; check out on the test checkout page.
    page.goto(f"{live_server.url}/es/cart/")
    expect(page.locator("[data-cart-total]")).to_have_text("45,00\xa0€")
    page.get_by_role("button", name="Pagar").click()
    expect(page.locator(".banner")).to_contain_text("TEST MODE")
    page.get_by_role("button", name="Pay (test)").click()
    expect(page).to_have_url(re.compile(r"/es/checkout/success/"))
    expect(page.locator("[data-order-status]")).to_have_attribute(
        "data-order-status", "paid", timeout=15_000
    )

    # The course is in "My courses" and its paid lesson opens.
    page.goto(f"{live_server.url}/es/my/courses/")
    expect(page.get_by_role("link", name="Breathing Basics (ES)")).to_be_visible()
    page.goto(paid_lesson_es)
    expect(page.get_by_text("PAID-BODY-SECRET")).to_be_visible()

    # Staff refund the order in the admin; the webhook confirms it.
    order = Order.objects.get()
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
    staff.get_by_role("button", name="Refund").click()
    expect(staff.locator("[data-order-status]")).to_contain_text(
        re.compile("Refunded|refund pending")
    )
    for _attempt in range(50):
        order.refresh_from_db()
        if order.status == Order.REFUNDED:
            break
        page.wait_for_timeout(100)
    assert order.status == Order.REFUNDED

    # The learner's lesson is locked again.
    page.goto(paid_lesson_es)
    expect(page.get_by_text("PAID-BODY-SECRET")).to_have_count(0)
