"""Creating orders and moving them between states, always with the row locked.

`pending → paid → refunded`, `pending → failed | expired`, and `needs_review` when
what Stripe charged is not what we asked for. Each transition checks the current
state inside a transaction, so a late or repeated event changes nothing twice.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from commerce import cart as carts
from commerce import conf, coupons, entitlements
from commerce.models import Cart, Order, OrderEvent, OrderLine

log = logging.getLogger(__name__)

REUSE_PENDING_FOR = timedelta(hours=23)  # Stripe sessions live 24 hours


def log_event(order, kind, message="", stripe_event_id=""):
    OrderEvent.objects.create(
        order=order, kind=kind, message=message[:500], stripe_event_id=stripe_event_id
    )


def number_for(order):
    """Human-friendly and unique: MC-2026-000123."""
    return f"{conf.order_number_prefix()}-{order.created_at.year}-{order.pk:06d}"


@transaction.atomic
def create_or_reuse_pending(user, summary, language):
    """The learner's pending order for exactly this cart, created if needed.

    The learner's cart row is locked first, so two submits of the same form
    (double click, two tabs) serialise and the second finds the first's order.
    Returns (order, reused).
    """
    Cart.objects.get_or_create(user=user)
    Cart.objects.select_for_update().get(user=user)
    fingerprint = carts.fingerprint(summary)
    existing = (
        Order.objects.filter(
            user=user,
            status=Order.PENDING,
            cart_fingerprint=fingerprint,
            created_at__gte=timezone.now() - REUSE_PENDING_FOR,
        )
        .order_by("-created_at")
        .first()
    )
    if existing is not None:
        return existing, True
    order = Order.objects.create(
        user=user,
        email=user.email,
        currency=summary.currency,
        language=language,
        subtotal_minor=summary.subtotal_minor,
        discount_minor=summary.discount_minor,
        total_minor=summary.total_minor,
        coupon=summary.coupon,
        cart_fingerprint=fingerprint,
    )
    order.number = number_for(order)
    order.save(update_fields=["number"])
    OrderLine.objects.bulk_create(
        OrderLine(
            order=order,
            product=line.product,
            title=line.title,
            unit_amount_minor=line.unit_amount_minor,
            discount_minor=line.discount_minor,
            amount_minor=line.amount_minor,
        )
        for line in summary.lines
    )
    if summary.coupon is not None:
        coupons.reserve(
            summary.coupon, order, [line.product.pk for line in summary.lines]
        )
    log_event(order, "created", f"Order created for {order.total}.")
    return order, False


def lock(order_id):
    return Order.objects.select_for_update().get(pk=order_id)


class InvalidOrderTransition(Exception):
    """A status change the pipeline does not allow (Order.PIPELINE)."""


def set_status(order, status, message, stripe_event_id="", **fields):
    """Move a locked order to `status` if the pipeline allows it, with a timeline
    entry; `fields` are saved with it. The one place an order's status changes."""
    if status not in Order.PIPELINE[order.status]:
        raise InvalidOrderTransition(f"{order} cannot go {order.status} → {status}.")
    order.status = status
    for name, value in fields.items():
        setattr(order, name, value)
    order.save(update_fields=["status", *fields, "updated_at"])
    log_event(order, status, message, stripe_event_id)


@transaction.atomic
def attach_session(order_id, session_id, url):
    order = lock(order_id)
    if order.stripe_session_id != session_id:
        order.stripe_session_id, order.stripe_session_url = session_id, url
        order.save(update_fields=["stripe_session_id", "stripe_session_url"])
        log_event(order, "session_created", f"Checkout session {session_id}.")
    return order


@transaction.atomic
def close_unpaid(order_id, status, reason, stripe_event_id=""):
    """A pending order fails or expires; its coupon and holds are released.
    Else no change."""
    order = lock(order_id)
    if order.status != Order.PENDING:
        log_event(
            order,
            "ignored",
            f"{reason} (order already {order.status}).",
            stripe_event_id,
        )
        return False
    set_status(order, status, reason, stripe_event_id)
    coupons.release(order)
    entitlements.release_order(order)  # event seats held for this payment
    return True


def flag_for_review(order, reason, stripe_event_id=""):
    """Called with the order locked: money arrived that doesn't match the order."""
    set_status(
        order, Order.NEEDS_REVIEW, reason, stripe_event_id, review_reason=reason[:255]
    )
    log.warning("Order %s needs review: %s", order.number, reason)
