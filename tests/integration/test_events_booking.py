"""Booking an event: attendees into the cart, seats held at checkout, the
webhook confirms once with an .ics, bad input told clearly, never a 500."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from commerce.models import Order
from events.models import Booking
from tests.fakes.stripe_server import signed_post
from tests.support.commerce import WEBHOOK_SECRET, make_learner

pytestmark = pytest.mark.django_db


def deliver(client, event):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return signed_post(client, event, WEBHOOK_SECRET)


def book(client, event_page, seats, names, lang="en"):
    url = "/en/book/" if lang == "en" else "/es/reservar/"
    return client.post(
        f"{url}{event_page.pk}/", {"seats": seats, "name": names}, follow=True
    )


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_event_page_shows_date_place_and_seats_left_in_both_languages(
    client, shop_event
):
    en = client.get(shop_event.en.url)
    assert en.status_code == 200
    html = en.content.decode()
    assert "20 seats left" in html and "Casa del Lago" in html
    assert "openstreetmap.org/search?query=" in html
    assert "(Europe/Madrid)" in html
    assert '"@type": "Event"' in html and "InStock" in html
    es = client.get(shop_event.es.url).content.decode()
    assert "Quedan 20 plazas" in es


def test_booking_two_seats_pays_once_and_confirms_once_with_a_calendar_file(
    client, shop_event, shop_learner, stripe_standin
):
    client.force_login(shop_learner)
    response = book(client, shop_event.es, 2, ["Ana", "Luis"], "es")
    assert response.status_code == 200
    cart = response.context["summary"]
    assert cart.total_minor == 16000 and cart.lines[0].quantity == 2
    response = client.post("/es/pago/")
    assert response.status_code == 303
    order = Order.objects.get()
    held = Booking.objects.get(order=order)
    assert held.status == Booking.HELD and held.seats == 2
    assert [a.name for a in held.attendees.all()] == ["Ana", "Luis"]
    _m, _p, params, _k = stripe_standin.requests[-1]
    assert int(params["expires_at"]) == int(held.hold_expires_at.timestamp())
    assert "18 plazas" in client.get(shop_event.es.url).content.decode()

    event = stripe_standin.pay(order.stripe_session_id, deliver=False)
    assert deliver(client, event).json()["outcome"] == "fulfilled"
    assert deliver(client, event).json()["outcome"] == "duplicate"
    held.refresh_from_db()
    assert held.status == Booking.CONFIRMED
    assert not Booking.objects.filter(status=Booking.CART).exists()
    confirmations = [m for m in mail.outbox if "reserva" in m.subject.lower()]
    assert len(confirmations) == 1
    (name, content, mimetype) = confirmations[0].attachments[0]
    assert name == "event.ics" and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in content and "Ana" in confirmations[0].body
    page = client.get("/es/mis-reservas/").content.decode()
    assert "Silent Retreat (ES)" in page and "Ana, Luis" in page


@pytest.mark.parametrize(
    ("seats", "names", "message"),
    [
        (0, [], "Book between 1 and 10 attendees."),
        (11, ["x"] * 11, "Book between 1 and 10 attendees."),
        ("two", ["x"], "Book between 1 and 10 attendees."),
        (2, ["Only one"], "Give the name of each attendee (2)."),
        (1, ["x" * 101], "Names can be at most 100 characters long."),
        (1, ["Ana\x07"], "Names may only contain printable characters."),
    ],
)
def test_bad_booking_input_gets_a_clear_message(
    client, shop_event, shop_learner, seats, names, message
):
    client.force_login(shop_learner)
    response = book(client, shop_event.en, seats, names)
    assert response.status_code == 200
    assert message in " ".join(messages_of(response))
    assert not Booking.objects.exists()


def test_nul_bytes_are_refused_with_a_clear_400(client, shop_event, shop_learner):
    client.force_login(shop_learner)
    response = client.post(
        f"/en/book/{shop_event.en.pk}/", {"seats": 1, "name": ["Ana\x00"]}
    )
    assert response.status_code == 400
    assert client.post("/en/book/%00/", {"seats": 1}).status_code == 400
    assert not Booking.objects.exists()


def test_bad_input_in_spanish_is_told_in_spanish(client, shop_event, shop_learner):
    client.force_login(shop_learner)
    response = book(client, shop_event.es, 11, ["x"] * 11, "es")
    assert "Reserva entre 1 y 10 asistentes." in " ".join(messages_of(response))


def test_past_and_cancelled_events_refuse_bookings(client, site_tree, shop_learner):
    from tests.support.events import build_event

    past = build_event(site_tree, "Old Retreat", starts_in=timedelta(days=-1))
    gone = build_event(site_tree, "Gone Retreat", cancelled_at=timezone.now())
    client.force_login(shop_learner)
    assert "already started" in " ".join(messages_of(book(client, past.en, 1, ["A"])))
    assert "was cancelled" in " ".join(messages_of(book(client, gone.en, 1, ["A"])))
    assert not Booking.objects.exists()


def test_unknown_event_is_a_404_and_anonymous_is_sent_to_sign_in(client, shop_event):
    assert client.post("/en/book/999999/", {"seats": 1}).status_code == 404
    response = client.post(f"/en/book/{shop_event.en.pk}/", {"seats": 1})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_too_many_seats_for_what_is_left_is_told_before_paying(
    client, site_tree, stripe_standin
):
    from tests.support.events import build_event

    small = build_event(site_tree, "Small Circle", capacity=3)
    first, second = make_learner("a@example.com"), make_learner("b@example.com")
    client.force_login(first)
    book(client, small.en, 3, ["A", "B", "C"])
    client.force_login(second)
    book(client, small.en, 2, ["D", "E"])
    client.force_login(first)
    client.post("/en/checkout/")  # holds all 3
    client.force_login(second)
    response = client.post("/en/checkout/", follow=True)
    assert "“Small Circle” is sold out." in " ".join(messages_of(response))
    assert Order.objects.get(user=second).status == Order.FAILED
    assert "Sold out" in client.get(small.en.url).content.decode()


def test_expired_session_releases_the_seats(
    client, shop_event, shop_learner, stripe_standin
):
    client.force_login(shop_learner)
    book(client, shop_event.en, 3, ["A", "B", "C"])
    client.post("/en/checkout/")
    order = Order.objects.get()
    event = stripe_standin.expire(order.stripe_session_id, deliver=False)
    assert deliver(client, event).json()["outcome"] == "expired"
    assert Booking.objects.get(order=order).status == Booking.RELEASED
    assert "20 seats left" in client.get(shop_event.en.url).content.decode()


def test_late_payment_after_the_seats_went_elsewhere_is_refunded_and_told(
    client, site_tree, stripe_standin
):
    from tests.support.events import build_event

    small = build_event(site_tree, "Tiny Circle", capacity=2)
    late, quick = make_learner("late@example.com"), make_learner("quick@example.com")
    client.force_login(late)
    book(client, small.en, 2, ["L1", "L2"])
    client.post("/en/checkout/")
    late_order = Order.objects.get(user=late)
    Booking.objects.filter(order=late_order).update(
        hold_expires_at=timezone.now() - timedelta(seconds=1)
    )
    client.force_login(quick)
    book(client, small.en, 2, ["Q1", "Q2"])
    client.post("/en/checkout/")
    quick_order = Order.objects.get(user=quick)
    deliver(client, stripe_standin.pay(quick_order.stripe_session_id, deliver=False))
    stripe_standin.auto_refund_events = False
    deliver(client, stripe_standin.pay(late_order.stripe_session_id, deliver=False))
    assert Booking.objects.get(order=late_order).status == Booking.REFUSED
    late_order.refresh_from_db()
    assert late_order.refunds.get().amount_minor == 18000
    assert any("were gone" in m.subject and m.to == [late.email] for m in mail.outbox)
    assert Booking.objects.get(order=quick_order).status == Booking.CONFIRMED


def test_a_hold_too_short_for_a_new_session_starts_a_new_order(
    client, shop_event, shop_learner, stripe_standin
):
    client.force_login(shop_learner)
    book(client, shop_event.en, 1, ["Ana"])
    client.post("/en/checkout/")
    first = Order.objects.get()
    Order.objects.filter(pk=first.pk).update(
        stripe_session_id="", stripe_session_url=""
    )
    Booking.objects.filter(order=first).update(
        hold_expires_at=timezone.now() + timedelta(minutes=10)
    )
    response = client.post("/en/checkout/")
    assert response.status_code == 303
    first.refresh_from_db()
    assert first.status == Order.EXPIRED
    second = Order.objects.exclude(pk=first.pk).get()
    assert Booking.objects.get(order=second).status == Booking.HELD
    assert Booking.objects.get(order=first).status == Booking.RELEASED
