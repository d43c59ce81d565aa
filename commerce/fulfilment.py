"""`fulfil(order)`: grant what Stripe says was paid for an order, exactly once.

Stripe's fulfilment guide: whatever triggers fulfilment (the webhook, or the
success page a learner lands on before the webhook arrives), retrieve the
Checkout Session from Stripe's API with its line items and grant only what it
says was paid. A signed event body is a reason to ask, never the answer
(docs/decisions/0033).

Granting runs in one transaction with the order row locked: a second call (a
duplicate webhook, a concurrent delivery, the success page) finds the order
already paid and does nothing. Enrollment is unique per learner and course;
emails are written to the outbox in the same transaction and sent after commit.
"""

import logging

from django.db import transaction
from django.utils import timezone

from commerce import cart as carts
from commerce import coupons, emails, entitlements, gateway
from commerce.models import Enrollment, Order, OrderEmail
from commerce.orders import flag_for_review, lock, log_event, set_status

log = logging.getLogger(__name__)

FULFILLABLE = {Order.PENDING, Order.FAILED, Order.EXPIRED}
PAID = {"paid", "no_payment_required"}

FULFILLED = "fulfilled"
UNCHANGED = "unchanged"
AWAITING_PAYMENT = "awaiting_payment"
NOT_PAID = "not_paid"
NEEDS_REVIEW = "needs_review"


def fulfil(order, *, session_id=None, event_id="", claimed_paid=False):
    """Grant the order if Stripe says its Checkout Session was paid; an outcome.

    `session_id` is the session the trigger names (default: the order's own).
    `claimed_paid` says a signed Stripe event announced a payment: if Stripe's
    API then says the session is not paid, the order is flagged for review. The
    success page passes False, so a learner who opens it before paying changes
    nothing. A free order (no session) is granted without asking Stripe.
    Raises `gateway.GatewayError` when Stripe cannot be asked (try again later).
    """
    current = Order.objects.get(pk=order.pk)
    if current.status not in FULFILLABLE:
        return _ignore(order.pk, event_id)
    if current.total_minor == 0 and not current.stripe_session_id:
        return _act(order.pk, FULFILLED, "", event_id)
    session = gateway.retrieve_checkout_session(session_id or current.stripe_session_id)
    verdict, reason = assess(current, session)
    if verdict == NOT_PAID and not claimed_paid:
        return NOT_PAID
    if verdict == NOT_PAID:
        verdict = NEEDS_REVIEW
    return _act(order.pk, verdict, reason, event_id, session)


def assess(order, session):
    """(verdict, reason) for `order` from the Checkout Session Stripe returned.

    Paid means: this order's session, `payment_status` paid (or nothing to pay),
    and the total, currency and every line item's amount as the order says.
    """
    if session.get("id") != order.stripe_session_id or (
        session.get("client_reference_id") not in (None, order.number)
    ):
        return NEEDS_REVIEW, (
            f"Stripe session {session.get('id')} is not this order's "
            f"({order.stripe_session_id or 'none'})."
        )
    status, payment = session.get("status"), session.get("payment_status")
    if payment not in PAID:
        if status == "complete":
            return AWAITING_PAYMENT, "Checkout complete; the payment is processing."
        return NOT_PAID, f"Stripe holds session {session['id']} as {status}, {payment}."
    charged = (session.get("amount_total"), (session.get("currency") or "").upper())
    if charged != (order.total_minor, order.currency):
        return NEEDS_REVIEW, (
            f"Stripe charged {charged[0]} {charged[1]}, "
            f"order total is {order.total_minor} {order.currency}."
        )
    items = ((session.get("line_items") or {}).get("data")) or []
    expected = [line.amount_minor for line in order.lines.all()]
    if [item.get("amount_total") for item in items] != expected or any(
        (item.get("currency") or "").upper() != order.currency for item in items
    ):
        return NEEDS_REVIEW, (
            f"Stripe's line items ({len(items)}) do not match the order's "
            f"({len(expected)})."
        )
    return FULFILLED, ""


@transaction.atomic
def _act(order_id, verdict, reason, event_id, session=None):
    order = lock(order_id)
    if order.status not in FULFILLABLE:
        return _ignore(order_id, event_id, order)
    if verdict == NEEDS_REVIEW:
        flag_for_review(order, reason, event_id)
        return NEEDS_REVIEW
    if verdict == AWAITING_PAYMENT:
        if event_id:
            log_event(order, AWAITING_PAYMENT, reason, event_id)
        return AWAITING_PAYMENT
    _grant(order, (session or {}).get("payment_intent") or "", event_id)
    return FULFILLED


def _ignore(order_id, event_id, order=None):
    if event_id:
        order = order or Order.objects.get(pk=order_id)
        log_event(
            order, "ignored", f"Payment event on a {order.status} order.", event_id
        )
    return UNCHANGED


def _grant(order, payment_intent, event_id):
    """Called with the order locked: paid, granted, cart cleared, emails queued."""
    what = f"Paid {order.total}" if order.total_minor else "Free"
    set_status(
        order,
        Order.PAID,
        f"{what}; granted.",
        event_id,
        paid_at=timezone.now(),
        stripe_payment_intent=payment_intent or order.stripe_payment_intent,
    )
    source = Enrollment.SOURCE_PURCHASE if order.total_minor else Enrollment.SOURCE_FREE
    product_ids = entitlements.grant_order(order, source)
    coupons.redeem(order)
    carts.clear_products(order.user, product_ids)
    emails.queue(order, OrderEmail.CONFIRMATION)
    emails.queue(order, OrderEmail.STAFF_NOTICE)
    log.info("Order %s fulfilled", order.number)
