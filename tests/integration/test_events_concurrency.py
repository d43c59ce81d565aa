"""Zero overbooking against real PostgreSQL: 100 learners check out 1–3 seats
at once for an event with 5 seats left; late payments after their hold ended
are refunded."""

import random
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from commerce import cart as carts
from commerce.models import CartItem, Order, Refund
from events.models import Attendee, Booking
from tests.fakes.stripe_server import signed_post
from tests.support.commerce import WEBHOOK_SECRET, make_learner
from tests.support.events import build_event

pytestmark = pytest.mark.django_db(transaction=True)

BUYERS = 100
# At most this many checkouts talk to PostgreSQL at the same moment, as behind a
# server's connection pool; PostgreSQL's default max_connections is 100.
IN_FLIGHT = 40


def booked_cart(user, product, seats):
    """What the book form leaves: a cart booking with names, the event in cart."""
    draft = Booking.objects.create(user=user, product=product, seats=seats)
    Attendee.objects.bulk_create(
        Attendee(booking=draft, name=f"Guest {n}") for n in range(seats)
    )
    cart, _created = carts.Cart.objects.get_or_create(user=user)
    CartItem.objects.create(cart=cart, product=product)


def checkout_all_at_once(users):
    """Each learner posts the checkout form in their own thread, released
    together; at most IN_FLIGHT hold a database connection at once (a server's
    pool). Returns {user.pk: response}."""
    start, responses = threading.Barrier(len(users)), {}
    pool = threading.BoundedSemaphore(IN_FLIGHT)

    def run(user):
        client = Client()
        with pool:
            client.force_login(user)
            connection.close()
        start.wait()
        with pool:
            try:
                responses[user.pk] = client.post("/en/checkout/", follow=False)
            finally:
                connection.close()

    threads = [threading.Thread(target=run, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def pay(standin, order):
    return signed_post(
        Client(), standin.pay(order.stripe_session_id, deliver=False), WEBHOOK_SECRET
    )


def confirmed_seats(product):
    return sum(
        Booking.objects.filter(product=product, status=Booking.CONFIRMED).values_list(
            "seats", flat=True
        )
    )


def test_hundred_concurrent_checkouts_never_overbook(site_tree, stripe_standin):
    stripe_standin.auto_refund_events = False
    event = build_event(site_tree, "Full Moon Retreat", capacity=5)
    rng = random.Random(16)  # noqa: S311 (test data)
    users = [make_learner(f"buyer{n}@example.com") for n in range(BUYERS)]
    wanted = {user.pk: rng.randint(1, 3) for user in users}
    for user in users:
        booked_cart(user, event.product, wanted[user.pk])

    responses = checkout_all_at_once(users)

    to_stripe = [pk for pk, r in responses.items() if r.status_code == 303]
    refused = [pk for pk, r in responses.items() if r.status_code == 302]
    assert len(to_stripe) + len(refused) == BUYERS
    assert sum(wanted[pk] for pk in to_stripe) <= 5
    held = Booking.objects.filter(product=event.product, status=Booking.HELD)
    assert sum(b.seats for b in held) <= 5
    for pk in refused:  # told before paying; no payment page was ever made
        response = responses[pk]
        assert response["Location"] == "/en/cart/"
        order = Order.objects.get(user_id=pk)
        assert order.status == Order.FAILED and not order.stripe_session_id
        assert "sold out" in order.events.last().message or "left" in (
            order.events.last().message
        )

    for order in Order.objects.filter(user_id__in=to_stripe):
        assert pay(stripe_standin, order).json()["outcome"] == "fulfilled"
    assert confirmed_seats(event.product) == sum(wanted[pk] for pk in to_stripe)
    assert confirmed_seats(event.product) <= 5


def test_late_payments_after_expired_holds_are_refunded_never_overbooked(
    site_tree, stripe_standin
):
    stripe_standin.auto_refund_events = False
    event = build_event(site_tree, "New Moon Retreat", capacity=5)
    first = [make_learner(f"early{n}@example.com") for n in range(20)]
    second = [make_learner(f"later{n}@example.com") for n in range(20)]
    for user in first + second:
        booked_cart(user, event.product, 1)

    checkout_all_at_once(first)  # five learners hold one seat each, then wander off
    late_orders = list(Order.objects.filter(user__in=first, status=Order.PENDING))
    assert len(late_orders) == 5
    Booking.objects.filter(order__in=late_orders).update(
        hold_expires_at=timezone.now() - timedelta(seconds=1)
    )
    checkout_all_at_once(second)  # expired holds free their seats at once
    for order in Order.objects.filter(user__in=second, status=Order.PENDING):
        assert pay(stripe_standin, order).json()["outcome"] == "fulfilled"
    for order in late_orders:  # the first five pay after all
        assert pay(stripe_standin, order).json()["outcome"] == "fulfilled"

    assert confirmed_seats(event.product) == 5
    refused = Booking.objects.filter(status=Booking.REFUSED, order__in=late_orders)
    assert refused.count() == 5
    assert Refund.objects.filter(order__in=late_orders).count() == 5
