"""The Stripe gateway: the official SDK's StripeClient, pointed at STRIPE_API_BASE.

Only this module talks to Stripe. Every write carries an idempotency key derived
from our own row (`checkout-MC-2026-000123`, `refund-42`), so a retry after a
timeout can never create a second session or a second refund.
"""

import stripe
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation
from wagtail import hooks

STRIPE_LOCALES = {"en": "en", "es": "es"}


class GatewayError(Exception):
    """Stripe could not be reached or refused the request."""


def client():
    key = settings.STRIPE_SECRET_KEY
    if not key:
        raise ImproperlyConfigured(
            "STRIPE_SECRET_KEY is not set (development uses the local stand-in)."
        )
    base = settings.STRIPE_API_BASE
    for hook in hooks.get_hooks("before_stripe_client"):  # devtools' stand-in
        hook()
    return stripe.StripeClient(
        key,
        base_addresses={"api": base} if base else None,
        max_network_retries=2,
    )


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def create_checkout_session(order, request=None, expires_at=None):
    """A Stripe Checkout Session charging the order's lines; returns (id, url).

    `expires_at` (a datetime) ends the session when the order's held seats are
    released; without it Stripe's default (24 hours) applies.
    """
    build = request.build_absolute_uri if request is not None else absolute
    with translation.override(order.language):
        success = build(reverse("commerce:checkout_success"))
        cancel = build(reverse("commerce:checkout_cancel"))
    metadata = {"order_id": str(order.pk), "order_number": order.number}
    params = {
        "mode": "payment",
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": order.currency.lower(),
                    "unit_amount": line.amount_minor,
                    "product_data": {"name": line.title},
                },
            }
            for line in order.lines.all()
        ],
        "client_reference_id": order.number,
        "metadata": metadata,
        "payment_intent_data": {"metadata": metadata},
        "customer_email": order.email,
        "locale": STRIPE_LOCALES.get(order.language, "auto"),
        "success_url": (
            f"{success}?order={order.number}&session_id={{CHECKOUT_SESSION_ID}}"
        ),
        "cancel_url": f"{cancel}?order={order.number}",
    }
    if expires_at is not None:
        params["expires_at"] = int(expires_at.timestamp())
    try:
        session = client().v1.checkout.sessions.create(
            params, {"idempotency_key": f"checkout-{order.number}"}
        )
    except stripe.StripeError as error:
        raise GatewayError(str(error)) from error
    return session.id, session.url


def retrieve_checkout_session(session_id):
    """The Checkout Session as Stripe holds it now, with its line items.

    Fulfilment trusts this answer, never the webhook body or the success URL:
    Stripe's fulfilment guide retrieves the session (`expand=["line_items"]`).
    """
    try:
        session = client().v1.checkout.sessions.retrieve(
            session_id, {"expand": ["line_items"]}
        )
    except stripe.StripeError as error:
        raise GatewayError(str(error)) from error
    return session.to_dict()


def create_refund(refund):
    """Ask Stripe to refund `refund.amount_minor` of the order's payment."""
    order = refund.order
    try:
        result = client().v1.refunds.create(
            {
                "payment_intent": order.stripe_payment_intent,
                "amount": refund.amount_minor,
                "metadata": {"order_id": str(order.pk), "refund_id": str(refund.pk)},
            },
            {"idempotency_key": f"refund-{refund.pk}"},
        )
    except stripe.StripeError as error:
        raise GatewayError(str(error)) from error
    return result.id


def verify_event(payload, signature):
    """The event if `signature` is Stripe's for this raw body, else raises."""
    return stripe.Webhook.construct_event(
        payload, signature, settings.STRIPE_WEBHOOK_SECRET
    )
