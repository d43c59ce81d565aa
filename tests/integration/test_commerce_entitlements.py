"""An order's status moves only along the pipeline, and what it grants goes
through the entitlement registered for each product's kind."""

import uuid

import pytest

from commerce import entitlements
from commerce.models import Order, OrderLine, Product
from commerce.orders import InvalidOrderTransition, lock, set_status
from tests.support.commerce import make_learner

pytestmark = pytest.mark.django_db


def order_for(user, product, status=Order.PENDING):
    order = Order.objects.create(
        user=user, email=user.email, currency="EUR", total_minor=9000, status=status
    )
    OrderLine.objects.create(
        order=order,
        product=product,
        title=product.title,
        unit_amount_minor=9000,
        amount_minor=9000,
    )
    return order


@pytest.fixture
def seat():
    return Product.objects.create(
        translation_key=uuid.uuid4(), title="Retreat seat", kind="test-seat"
    )


@pytest.fixture
def seat_entitlement(monkeypatch):
    """What an events app would register: here, seats kept in a list."""
    seats = []

    def grant(user, product, *, source, order=None, note=""):
        seats.append((user.pk, product.pk, order.pk if order else None))

    def revoke(*, order=None, user=None):
        before = len(seats)
        seats[:] = [
            s
            for s in seats
            if not ((order and s[2] == order.pk) or (user and s[0] == user.pk))
        ]
        return before - len(seats)

    monkeypatch.setitem(
        entitlements._registry,
        "test-seat",
        entitlements.Entitlement(grant=grant, revoke=revoke),
    )
    return seats


def test_a_product_of_another_kind_is_granted_and_revoked_by_its_own_app(
    seat, seat_entitlement
):
    learner = make_learner("ana@example.com")
    order = order_for(learner, seat)
    assert entitlements.grant_order(order, "purchase") == [seat.pk]
    assert seat_entitlement == [(learner.pk, seat.pk, order.pk)]
    assert entitlements.revoke_order(order) == 1
    assert seat_entitlement == []


def test_a_product_no_app_grants_is_refused_loudly(seat):
    order = order_for(make_learner("ben@example.com"), seat)
    with pytest.raises(entitlements.UnknownProductKind):
        entitlements.grant_order(order, "purchase")


@pytest.mark.parametrize(
    "start, refused",
    [
        (Order.REFUNDED, Order.PAID),
        (Order.PAID, Order.PENDING),
        (Order.PAID, Order.EXPIRED),
        (Order.NEEDS_REVIEW, Order.PAID),
        (Order.PENDING, Order.REFUNDED),
    ],
)
def test_an_order_never_moves_against_the_pipeline(seat, start, refused):
    order = order_for(make_learner("cleo@example.com"), seat, status=start)
    with pytest.raises(InvalidOrderTransition):
        set_status(lock(order.pk), refused, "not allowed")
    order.refresh_from_db()
    assert order.status == start
    assert not order.events.filter(kind=refused).exists()


def test_a_late_payment_after_expiry_still_pays(seat):
    order = order_for(make_learner("dan@example.com"), seat, status=Order.EXPIRED)
    set_status(lock(order.pk), Order.PAID, "Paid late.")
    order.refresh_from_db()
    assert order.status == Order.PAID
    assert order.events.filter(kind=Order.PAID).exists()
