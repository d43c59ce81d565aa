"""A learner books two seats of a retreat in Spanish, pays on the test-mode
Stripe page, receives the confirmation with its calendar file, sees the booking
and cancels it inside the policy: Stripe refunds the order in full."""

import os
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from commerce.models import Order
from events.models import Booking
from tests.fakes.stripe_server import separate_process
from tests.support.commerce import WEBHOOK_SECRET, make_learner
from tests.support.events import build_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "lotus-river-4417-x"  # noqa: S105
SHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "/tmp/e2e-screenshots"))  # noqa: S108


@pytest.fixture
def retreat(live_server, site_tree, settings):
    from django.core.cache import cache

    cache.clear()
    event = build_event(site_tree, "Silent Retreat")
    webhook = f"{live_server.url}/api/checkout/webhook"
    with separate_process(WEBHOOK_SECRET, webhook) as stripe_url:
        settings.SITE_URL = live_server.url
        settings.STRIPE_STANDIN = False
        settings.STRIPE_SECRET_KEY = "sk_test_operator"  # noqa: S105
        settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
        settings.STRIPE_API_BASE = stripe_url
        yield event
    cache.clear()


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"event-{name}.png", full_page=True)


def wait_for(page, predicate, what):
    for _attempt in range(150):
        found = predicate()
        if found:
            return found
        page.wait_for_timeout(100)
    raise AssertionError(f"no {what}")


def test_learner_books_two_seats_in_spanish_and_cancels_for_a_refund(
    live_server, retreat, page: Page
):
    make_learner("lucia@example.com", password=PASSWORD)
    main = page.locator("main")
    page.goto(f"{live_server.url}/es/accounts/login/")
    page.locator("input[name=login]").fill("lucia@example.com")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_load_state()

    # The event page: when, where, seats left, in Spanish.
    page.goto(f"{live_server.url}{retreat.es.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Silent Retreat (ES)")
    expect(page.locator(".event-seats")).to_have_text("Quedan 20 plazas")
    expect(main).to_contain_text("Casa del Lago")
    expect(main).to_contain_text("(Europe/Madrid)")
    page.get_by_label("Asistentes").select_option("2")
    page.get_by_label("Asistente 1", exact=True).fill("Lucía Pérez")
    page.get_by_label("Asistente 2", exact=True).fill("Marta Gil")
    shot(page, "1-page-es")
    page.get_by_role("button", name="Reservar").click()

    # The cart: two seats at 80 € each.
    expect(main).to_contain_text("Silent Retreat (ES) × 2")
    expect(main).to_contain_text("160,00\xa0€")
    shot(page, "2-cart-es")
    page.get_by_role("button", name="Pagar").click()

    # Stripe's test-mode page, then back: paid.
    expect(page.locator(".banner")).to_contain_text("TEST MODE")
    expect(page.locator("[data-line-item]")).to_have_text(
        ["Silent Retreat (ES) × 2: 160.00 EUR"]
    )
    page.get_by_role("button", name="Pay (test)").click()
    expect(page.locator("[data-order-status]")).to_have_attribute(
        "data-order-status", "paid", timeout=15_000
    )
    # The page back from Stripe speaks of seats and leads to the bookings.
    thanks = page.locator(".checkout-success")
    expect(thanks).to_contain_text("Tus plazas están reservadas")
    expect(thanks).not_to_contain_text("cursos")
    expect(thanks.get_by_role("link", name="Tus reservas")).to_have_attribute(
        "href", "/es/mis-reservas/"
    )
    shot(page, "2b-paid-es")
    order = Order.objects.get(email="lucia@example.com")
    booking = wait_for(
        page,
        lambda: Booking.objects.filter(order=order, status=Booking.CONFIRMED).first(),
        "confirmed booking",
    )
    assert booking.seats == 2

    # The confirmation email, in Spanish, with the calendar file.
    email = wait_for(
        page,
        lambda: next((m for m in mail.outbox if "Tu reserva para" in m.subject), None),
        "confirmation email",
    )
    assert "Tus 2 plazas para Silent Retreat (ES) están confirmadas." in email.body
    name, ics, mimetype = email.attachments[0]
    assert (name, mimetype) == ("event.ics", "text/calendar")
    assert "SUMMARY:Silent Retreat (ES)" in ics and "DTSTART:" in ics

    # My bookings, then cancel inside the policy.
    page.goto(f"{live_server.url}/es/")
    page.get_by_role("link", name="Mis reservas").first.click()
    expect(main).to_contain_text("Silent Retreat (ES)")
    expect(main).to_contain_text("Lucía Pérez, Marta Gil")
    expect(main).to_contain_text("Cancela antes del")
    shot(page, "3-my-bookings-es")
    page.locator("summary", has_text="Cancelar reserva").click()  # asks first
    expect(main).to_contain_text("Lo que pagaste por estas plazas se reembolsa")
    page.get_by_role("button", name="Sí, cancelar esta reserva").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Tu reserva está cancelada; el reembolso está en camino."
    )
    shot(page, "4-cancelled-es")

    def refunded():
        order.refresh_from_db()
        return order.status == Order.REFUNDED

    wait_for(page, refunded, "refund")
    assert order.refunded_minor == 16000
    page.goto(f"{live_server.url}{retreat.es.url}")
    expect(page.locator(".event-seats")).to_have_text("Quedan 20 plazas")
