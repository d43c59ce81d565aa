"""My bookings: see them, cancel inside the policy for a full Stripe refund,
outside it for none; nobody cancels someone else's booking."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import TestCase

from commerce.models import Order
from events.models import Booking
from tests.fakes.stripe_server import signed_post
from tests.support.commerce import WEBHOOK_SECRET, make_learner
from tests.support.events import build_event

pytestmark = pytest.mark.django_db


def deliver(client, event):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return signed_post(client, event, WEBHOOK_SECRET)


def booked_and_paid(client, event, user, standin, seats=2):
    client.force_login(user)
    client.post(
        f"/en/book/{event.en.pk}/",
        {"seats": seats, "name": [f"Guest {n}" for n in range(seats)]},
    )
    client.post("/en/checkout/")
    order = Order.objects.get(user=user)
    deliver(client, standin.pay(order.stripe_session_id, deliver=False))
    return Booking.objects.get(order=order, status=Booking.CONFIRMED)


def cancel(client, booking, lang="en"):
    path = {
        "en": f"/en/my/bookings/{booking.pk}/cancel/",
        "es": f"/es/mis-reservas/{booking.pk}/cancelar/",
    }[lang]
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(path, follow=True)


def test_cancel_inside_the_policy_refunds_in_full_and_frees_the_seats(
    client, shop_event, shop_learner, stripe_standin
):
    stripe_standin.auto_refund_events = False
    booking = booked_and_paid(client, shop_event, shop_learner, stripe_standin)
    page = client.get("/es/mis-reservas/").content.decode()
    assert "Cancela antes del" in page
    response = cancel(client, booking, "es")
    assert "el reembolso está en camino" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.CANCELLED
    order = booking.order
    refund = order.refunds.get()
    assert refund.amount_minor == 18000
    assert "20 seats left" in client.get(shop_event.en.url).content.decode()
    # Stripe settles the refund: the order is refunded
    refund.refresh_from_db()
    event = stripe_standin.settle_refund(refund.stripe_refund_id, deliver=False)
    deliver(client, event)
    order.refresh_from_db()
    assert order.status == Order.REFUNDED
    assert any("is cancelled" in m.subject for m in mail.outbox)


def test_cancel_after_the_refund_deadline_gives_no_refund(
    client, site_tree, shop_learner, stripe_standin
):
    soon = build_event(site_tree, "Soon Retreat", starts_in=timedelta(days=3))
    booking = booked_and_paid(client, soon, shop_learner, stripe_standin)
    page = client.get("/en/my/bookings/").content.decode()
    assert "cancelling gives no refund" in page
    response = cancel(client, booking)
    assert "Your booking is cancelled." in response.content.decode()
    assert not booking.order.refunds.exists()
    assert Booking.objects.get(pk=booking.pk).status == Booking.CANCELLED


def test_someone_elses_booking_cannot_be_cancelled(
    client, shop_event, shop_learner, stripe_standin
):
    booking = booked_and_paid(client, shop_event, shop_learner, stripe_standin)
    client.force_login(make_learner("eve@example.com"))
    assert client.post(f"/en/my/bookings/{booking.pk}/cancel/").status_code == 404
    assert client.post("/en/my/bookings/abc/cancel/").status_code == 404
    assert Booking.objects.get(pk=booking.pk).status == Booking.CONFIRMED


def test_online_join_link_only_for_booked_attendees(
    client, site_tree, shop_learner, stripe_standin
):
    online = build_event(
        site_tree,
        "Online Sit",
        mode="online",
        venue="",
        address="",
        join_url="https://meet.example.com/secret-room",
    )
    assert "secret-room" not in client.get(online.en.url).content.decode()
    booked_and_paid(client, online, shop_learner, stripe_standin, seats=1)
    assert "secret-room" in client.get(online.en.url).content.decode()
    assert "secret-room" in client.get("/en/my/bookings/").content.decode()
