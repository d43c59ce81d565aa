"""The events index counts every event's seats in one query: the page costs
the same number of queries with two events or six, and shows the same seats
left as each event page (confirmed, held and offered seats taken)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Booking, WaitingListEntry
from tests.support.commerce import make_learner
from tests.support.events import build_event

pytestmark = pytest.mark.django_db


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def take(event, user, seats, status, **fields):
    return Booking.objects.create(
        product=event.product, user=user, seats=seats, status=status, **fields
    )


def test_the_events_index_costs_the_same_queries_for_more_events(client, site_tree):
    learner = make_learner()
    client.force_login(learner)
    for n in range(2):
        build_event(
            site_tree, f"Retreat {n}", capacity=10, starts_in=timedelta(days=n + 1)
        )
    client.get("/en/events/")  # warm the per-process memos
    few, _html = queries_for(client, "/en/events/")

    later = timedelta(days=10)
    busy = build_event(site_tree, "Busy Retreat", capacity=10, starts_in=later)
    for n in range(3):
        build_event(site_tree, f"Quiet {n}", capacity=5, starts_in=later)
    take(busy, learner, 3, Booking.CONFIRMED)
    take(busy, learner, 2, Booking.HELD, hold_expires_at=timezone.now() + later)
    take(busy, learner, 4, Booking.HELD, hold_expires_at=timezone.now())  # ended
    other = make_learner("w@example.com")
    WaitingListEntry.objects.create(
        product=busy.product,
        user=other,
        seats=1,
        offered_at=timezone.now(),
        offer_expires_at=timezone.now() + timedelta(hours=1),
    )
    client.get("/en/events/")  # new pages reset the memos: warm them again
    many, html = queries_for(client, "/en/events/")

    assert many == few
    assert busy.en.seats_left() == 4
    assert html.count("4 seats left") == 1 and html.count("5 seats left") == 3
    # Each card says what a seat costs and where, as the catalog's cards do.
    assert html.count('$90.00 <span class="per-seat">per seat</span>') == 6
    assert html.count("Casa del Lago") == 6


def test_spanish_events_index_cards_show_price_place_and_seats(client, site_tree):
    build_event(site_tree, "Retreat", capacity=3, title_es="Retiro")
    build_event(site_tree, "Sit", usd=0, eur=0, title_es="Sentada", slug="sit")
    html = client.get("/es/eventos/").content.decode()
    assert '<p class="course-price">Gratis</p>' in html  # not "Gratis por plaza"
    assert "Retiro" in html
    assert '80,00\xa0€ <span class="per-seat">por plaza</span>' in html
    assert "Quedan 3 plazas" in html and "Casa del Lago" in html
