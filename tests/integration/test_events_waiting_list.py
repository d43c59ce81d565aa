"""Sold out: learners join the waiting list; a freed seat is offered to the next
one by email with a claim link that expires."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from commerce.models import Order
from events.models import Booking, WaitingListEntry
from tests.fakes.stripe_server import signed_post
from tests.support.commerce import WEBHOOK_SECRET, make_learner
from tests.support.events import build_event

pytestmark = pytest.mark.django_db


def test_a_released_seat_is_offered_to_the_first_waiting_with_an_expiring_link(
    client, site_tree, stripe_standin
):
    tiny = build_event(site_tree, "Tiny Sit", capacity=1)
    holder, first, second = (
        make_learner("h@example.com"),
        make_learner("w1@example.com"),
        make_learner("w2@example.com"),
    )
    client.force_login(holder)
    client.post(f"/en/book/{tiny.en.pk}/", {"seats": 1, "name": ["H"]})
    client.post("/en/checkout/")
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
    expired = stripe_standin.expire(order.stripe_session_id, deliver=False)
    with TestCase.captureOnCommitCallbacks(execute=True):
        signed_post(client, expired, WEBHOOK_SECRET)
    assert Booking.objects.get(order=order).status == Booking.RELEASED
    offers = [m for m in mail.outbox if "plaza libre" in m.subject]
    assert [m.to for m in offers] == [["w1@example.com"]]  # in order, only one seat
    link = next(
        word for word in offers[0].body.split() if "/reservar/reclamar/" in word
    )
    path = urlsplit(link).path
    response = client.get(path, follow=True)
    assert "Tiny Sit (ES)" in response.content.decode()

    WaitingListEntry.objects.filter(user=first).update(
        offer_expires_at=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(path, follow=True)
    assert "Esta oferta ha caducado" in response.content.decode()
