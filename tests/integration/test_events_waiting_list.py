"""Sold out: learners join the waiting list; freed seats are kept for the next
one, offered by email with a claim link that expires, and pass on when it does."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from commerce.models import Order
from events.models import Booking, WaitingListEntry
from tests.fakes.stripe_server import signed_post
from tests.support.commerce import WEBHOOK_SECRET, make_learner
from tests.support.events import build_event

pytestmark = pytest.mark.django_db


def deliver(client, event):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return signed_post(client, event, WEBHOOK_SECRET)


def book_and_check_out(client, learner, page, seats=1, lang="en"):
    client.force_login(learner)
    book = "/es/reservar/" if lang == "es" else "/en/book/"
    client.post(f"{book}{page.pk}/", {"seats": seats, "name": ["A"] * seats})
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/es/pago/" if lang == "es" else "/en/checkout/")
    return response


def offers_to(address):
    return [m for m in mail.outbox if m.to == [address] and "seat" in m.subject]


def claim_path(message):
    link = next(word for word in message.body.split() if "/claim/" in word)
    return urlsplit(link).path


def sold_out_with_a_hold(client, stripe_standin, capacity=1):
    """An event whose only seat is held by a checkout, and two learners waiting."""
    tiny = build_event(client.site_tree, "Tiny Sit", capacity=capacity)
    holder = make_learner("h@example.com")
    book_and_check_out(client, holder, tiny.en, seats=capacity)
    order = Order.objects.get(user=holder)
    waiting = [make_learner("w1@example.com"), make_learner("w2@example.com")]
    for learner in waiting:
        client.force_login(learner)
        client.post(f"/en/book/{tiny.en.pk}/wait/", {"seats": 1})
    return tiny, order, waiting


@pytest.fixture
def client_with_tree(client, site_tree):
    client.site_tree = site_tree
    return client


def test_a_released_seat_is_offered_to_the_first_waiting_with_an_expiring_link(
    client, site_tree, stripe_standin
):
    tiny = build_event(site_tree, "Tiny Sit", capacity=1)
    holder, first, second = (
        make_learner("h@example.com"),
        make_learner("w1@example.com"),
        make_learner("w2@example.com"),
    )
    book_and_check_out(client, holder, tiny.en)
    order = Order.objects.get(user=holder)

    for learner in (first, second):
        client.force_login(learner)
        page = client.get(tiny.en.url).content.decode()
        assert "Sold out" in page and "Join the waiting list" in page
        client.post(
            f"/es/reservar/{tiny.es.pk}/lista-de-espera/", {"seats": 1}, follow=True
        )
    assert WaitingListEntry.objects.count() == 2
    bad = client.post(f"/en/book/{tiny.en.pk}/wait/", {"seats": 11}, follow=True)
    assert "Book between 1 and 10 attendees." in bad.content.decode()

    mail.outbox.clear()
    deliver(client, stripe_standin.expire(order.stripe_session_id, deliver=False))
    assert Booking.objects.get(order=order).status == Booking.RELEASED
    offers = [m for m in mail.outbox if "plaza libre" in m.subject]
    assert [m.to for m in offers] == [["w1@example.com"]]  # in order, only one seat
    link = next(
        word for word in offers[0].body.split() if "/reservar/reclamar/" in word
    )
    path = urlsplit(link).path
    client.force_login(first)
    response = client.get(path, follow=True)
    page = response.content.decode()
    assert "Tiny Sit (ES)" in page
    assert "1 plaza está reservada para ti" in page

    client.force_login(second)
    response = client.get(path, follow=True)
    assert "Esta oferta se envió a otra cuenta." in response.content.decode()

    WaitingListEntry.objects.filter(user=first).update(
        offer_expires_at=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(path, follow=True)
    assert "Esta oferta ha caducado" in response.content.decode()


def test_seats_offered_are_kept_for_the_person_offered_until_they_book_them(
    client_with_tree, stripe_standin
):
    client = client_with_tree
    tiny, order, (first, second) = sold_out_with_a_hold(client, stripe_standin)
    deliver(client, stripe_standin.expire(order.stripe_session_id, deliver=False))
    assert [m.to for m in offers_to("w1@example.com")] == [["w1@example.com"]]

    # Nobody else may book the kept seat: not the second in line, not a newcomer.
    newcomer = make_learner("new@example.com")
    for learner in (second, newcomer):
        client.force_login(learner)
        page = client.get(tiny.en.url).content.decode()
        assert "Sold out" in page and "kept for you" not in page
        refused = client.post(
            f"/en/book/{tiny.en.pk}/", {"seats": 1, "name": ["N"]}, follow=True
        )
        assert "“Tiny Sit” is sold out." in refused.content.decode()
    assert not Booking.objects.filter(status=Booking.HELD).exists()

    # The person offered books it through the cart and checkout as usual.
    client.force_login(first)
    page = client.get(tiny.en.url).content.decode()
    assert "1 seat is kept for you until" in page and "Sold out" not in page
    assert book_and_check_out(client, first, tiny.en).status_code == 303
    held = Booking.objects.get(user=first, status=Booking.HELD)
    entry = WaitingListEntry.objects.get(user=first)
    assert entry.claimed_at is not None
    assert tiny.en.seats_left() == 0  # the hold replaces the offer, not added to it
    deliver(client, stripe_standin.pay(held.order.stripe_session_id, deliver=False))
    held.refresh_from_db()
    assert held.status == Booking.CONFIRMED
    assert not offers_to("w2@example.com")


def test_an_expired_offer_passes_the_seats_to_the_next_then_back_on_sale(
    client_with_tree, stripe_standin
):
    client = client_with_tree
    tiny, order, (first, second) = sold_out_with_a_hold(client, stripe_standin)
    deliver(client, stripe_standin.expire(order.stripe_session_id, deliver=False))
    assert offers_to("w1@example.com") and not offers_to("w2@example.com")

    call_command("pass_lapsed_offers", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not offers_to("w2@example.com")  # the first offer is still open

    past = timezone.now() - timedelta(seconds=1)
    WaitingListEntry.objects.filter(user=first).update(offer_expires_at=past)
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("pass_lapsed_offers", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(offers_to("w2@example.com")) == 1
    assert WaitingListEntry.objects.get(user=first).lapsed_at is not None
    client.force_login(first)  # the lapsed offer is no longer theirs to book
    refused = client.post(
        f"/en/book/{tiny.en.pk}/", {"seats": 1, "name": ["A"]}, follow=True
    )
    assert "sold out" in refused.content.decode()

    WaitingListEntry.objects.filter(user=second).update(offer_expires_at=past)
    call_command("pass_lapsed_offers", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(offers_to("w2@example.com")) == 1  # nobody left: back on sale
    newcomer = make_learner("new@example.com")
    client.force_login(newcomer)
    assert "1 seat left" in client.get(tiny.en.url).content.decode()
    assert book_and_check_out(client, newcomer, tiny.en).status_code == 303
    assert Booking.objects.filter(user=newcomer, status=Booking.HELD).exists()


def test_a_claim_link_asks_an_anonymous_visitor_to_sign_in(
    client_with_tree, stripe_standin
):
    client = client_with_tree
    _tiny, order, _waiting = sold_out_with_a_hold(client, stripe_standin)
    deliver(client, stripe_standin.expire(order.stripe_session_id, deliver=False))
    path = claim_path(offers_to("w1@example.com")[0])
    client.logout()
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/en/")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Sign in to book the seats kept for you."
    ]


def test_the_event_page_tells_a_waiting_learner_they_are_on_the_list(
    client_with_tree, stripe_standin
):
    client = client_with_tree
    tiny, _order, waiting = sold_out_with_a_hold(client, stripe_standin)
    client.force_login(waiting[0])
    page = client.get(tiny.es.url).content.decode()
    assert "Estás en la lista de espera; te escribiremos si se liberan plazas." in page
    assert "Apuntarme a la lista de espera" not in page
    client.force_login(make_learner("new@example.com"))
    assert "Estás en la lista de espera" not in client.get(tiny.es.url).content.decode()
