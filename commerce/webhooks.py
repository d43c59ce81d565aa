"""Stripe webhook events: verify, dispatch, record — each event id exactly once.

A payment event only names the session: fulfilment asks Stripe's API what was
paid (commerce/fulfilment.py). If Stripe cannot be asked, `handle` raises
`gateway.GatewayError`, nothing is recorded, and the view answers 503 so Stripe
delivers the event again later.

The event id is written in the same transaction as its effects, so it is recorded
only if the processing committed. A concurrent duplicate waits on the order row
lock, finds nothing left to do, and its attempt to record the id fails on the
unique constraint; its (empty) transaction rolls back.
"""

import json
import logging

import sentry_sdk
import stripe
from django.conf import settings
from django.db import IntegrityError, transaction

from commerce import fulfilment, orders, refunds
from commerce.forms import database_id
from commerce.models import Order, WebhookEvent

log = logging.getLogger(__name__)


class BadEvent(Exception):
    """The request is not a genuine, fresh Stripe event."""


def parse(payload, signature):
    """Verify Stripe's signature on the raw body (and its age); return the event."""
    try:
        stripe.WebhookSignature.verify_header(
            payload.decode("utf-8"),
            signature or "",
            settings.STRIPE_WEBHOOK_SECRET or "",
            tolerance=getattr(settings, "STRIPE_WEBHOOK_TOLERANCE", 300),
        )
        event = json.loads(payload)
    except (stripe.SignatureVerificationError, ValueError, UnicodeDecodeError) as err:
        raise BadEvent(str(err)) from err
    if not isinstance(event, dict) or not event.get("id") or not event.get("type"):
        raise BadEvent("Not an event.")
    return event


def find_order(obj):
    metadata = obj.get("metadata") or {}
    order_id = database_id(metadata.get("order_id"))
    if order_id is not None:
        order = Order.objects.filter(pk=order_id).first()
        if order is not None:
            return order
    if obj.get("object") == "checkout.session":
        number = obj.get("client_reference_id")
        if number:
            return Order.objects.filter(number=number).first()
        return Order.objects.filter(stripe_session_id=obj.get("id") or "-").first()
    intent = obj.get("payment_intent") or (
        obj.get("id") if obj.get("object") == "payment_intent" else None
    )
    if intent:
        return Order.objects.filter(stripe_payment_intent=intent).first()
    return None


def _session_paid(order, obj, event_id):
    """Stripe announced a paid session: ask Stripe, then grant (fulfilment)."""
    return fulfilment.fulfil(
        order, session_id=obj.get("id"), event_id=event_id, claimed_paid=True
    )


def on_session_completed(order, obj, event_id):
    return _session_paid(order, obj, event_id)


def on_async_succeeded(order, obj, event_id):
    return _session_paid(order, obj, event_id)


def on_async_failed(order, obj, event_id):
    orders.close_unpaid(order.pk, Order.FAILED, "The payment failed.", event_id)
    return "failed"


def on_expired(order, obj, event_id):
    orders.close_unpaid(order.pk, Order.EXPIRED, "Checkout session expired.", event_id)
    return "expired"


def on_charge_refunded(order, obj, event_id):
    refunds.record_refunded(order, obj.get("amount_refunded") or 0, event_id)
    return "refund_recorded"


def on_payment_failed(order, obj, event_id):
    error = (obj.get("last_payment_error") or {}).get("message") or "Payment failed."
    orders.log_event(order, "payment_failed", error, event_id)
    return "payment_failed_recorded"


HANDLERS = {
    "checkout.session.completed": on_session_completed,
    "checkout.session.async_payment_succeeded": on_async_succeeded,
    "checkout.session.async_payment_failed": on_async_failed,
    "checkout.session.expired": on_expired,
    "charge.refunded": on_charge_refunded,
    "payment_intent.payment_failed": on_payment_failed,
}


def handle(event):
    """Process a verified event once; returns a short outcome for logs and tests."""
    event_id, event_type = event["id"], event["type"]
    handler = HANDLERS.get(event_type)
    if handler is None:
        return "ignored"
    if WebhookEvent.objects.filter(stripe_event_id=event_id).exists():
        return "duplicate"
    obj = (event.get("data") or {}).get("object") or {}
    try:
        with transaction.atomic():
            order = find_order(obj)
            if order is None:
                outcome = "unknown_order"
            else:
                outcome = handler(order, obj, event_id)
            WebhookEvent.objects.create(
                stripe_event_id=event_id, type=event_type, order=order
            )
    except IntegrityError:
        return "duplicate"
    if outcome == "unknown_order":
        log.warning("Stripe event %s (%s) for an unknown order", event_id, event_type)
        sentry_sdk.capture_message(
            f"Stripe event {event_id} ({event_type}) for an unknown order",
            level="warning",
        )
    return outcome
