"""The Stripe stand-in behaves like the parts of Stripe we rely on, as seen
through the official SDK."""

import json

import pytest
import stripe

from tests.fakes.stripe_server import sign, start

SECRET = "whsec_unit"  # noqa: S105


@pytest.fixture
def standin():
    server = start(SECRET, webhook_url="http://127.0.0.1:9/unused")
    yield server
    server.stop()


@pytest.fixture
def client(standin):
    return stripe.StripeClient("sk_test_unit", base_addresses={"api": standin.base_url})


PARAMS = {
    "mode": "payment",
    "line_items": [
        {
            "quantity": 1,
            "price_data": {
                "currency": "usd",
                "unit_amount": 4900,
                "product_data": {"name": "Breathing"},
            },
        }
    ],
    "client_reference_id": "MC-2026-000001",
    "metadata": {"order_id": "1"},
    "success_url": "http://127.0.0.1:8000/en/checkout/success/",
}


def test_session_is_created_with_the_sdk_and_can_be_read_back(client):
    session = client.v1.checkout.sessions.create(PARAMS)
    assert session.amount_total == 4900 and session.currency == "usd"
    assert session.url.endswith(f"/pay/{session.id}")
    again = client.v1.checkout.sessions.retrieve(session.id)
    assert again.client_reference_id == "MC-2026-000001"


def test_idempotency_key_returns_the_same_session(client):
    options = {"idempotency_key": "checkout-MC-2026-000001"}
    first = client.v1.checkout.sessions.create(PARAMS, options)
    second = client.v1.checkout.sessions.create(PARAMS, options)
    assert first.id == second.id
    with pytest.raises(stripe.IdempotencyError):
        client.v1.checkout.sessions.create({**PARAMS, "locale": "es"}, options)


def test_payment_method_types_is_refused_like_api_2026_10_28(client):
    with pytest.raises(stripe.InvalidRequestError, match="payment_method_types"):
        client.v1.checkout.sessions.create({**PARAMS, "payment_method_types": ["card"]})


def test_wrong_api_key_is_refused(standin):
    bad = stripe.StripeClient("rk_live_nope", base_addresses={"api": standin.base_url})
    with pytest.raises(stripe.AuthenticationError):
        bad.v1.checkout.sessions.create(PARAMS)


def test_events_are_signed_so_the_sdk_accepts_them(client, standin):
    session = client.v1.checkout.sessions.create(PARAMS)
    event = standin.pay(session.id, deliver=False)
    payload = json.dumps(event)
    verified = stripe.Webhook.construct_event(
        payload, sign(payload.encode(), SECRET), SECRET
    )
    assert verified.type == "checkout.session.completed"
    assert verified.data.object.payment_status == "paid"
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(payload, sign(payload.encode(), "x"), SECRET)


def test_refund_through_the_sdk_then_charge_refunded(client, standin):
    standin.auto_refund_events = False
    session = client.v1.checkout.sessions.create(PARAMS)
    standin.pay(session.id, deliver=False)
    intent = standin.get_session(session.id)["payment_intent"]
    refund = client.v1.refunds.create({"payment_intent": intent, "amount": 1000})
    assert refund.status == "pending"
    event = standin.settle_refund(refund.id, deliver=False)
    assert event["data"]["object"]["amount_refunded"] == 1000
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.refunds.create({"payment_intent": intent, "amount": 999999})


def test_session_retrieved_with_line_items_like_stripe(client, standin):
    """`expand=["line_items"]` (API 2026-10-28.endive): an includable list of
    `item` objects; without expanding, no line items are returned."""
    session = client.v1.checkout.sessions.create(PARAMS)
    plain = client.v1.checkout.sessions.retrieve(session.id)
    assert "line_items" not in plain
    expanded = client.v1.checkout.sessions.retrieve(
        session.id, {"expand": ["line_items"]}
    )
    items = expanded.line_items
    assert items.object == "list" and items.has_more is False
    [item] = items.data
    assert item.object == "item" and item.id.startswith("li_")
    assert (item.description, item.amount_total, item.currency) == (
        "Breathing",
        4900,
        "usd",
    )
    assert (item.quantity, item.price.unit_amount) == (1, 4900)
    listed = client.v1.checkout.sessions.line_items.list(session.id)
    assert [i.id for i in listed.data] == [item.id]
    assert expanded.payment_status == "unpaid" and expanded.status == "open"
    standin.pay(session.id, deliver=False)
    paid = client.v1.checkout.sessions.retrieve(session.id)
    assert (paid.status, paid.payment_status) == ("complete", "paid")
    assert paid.payment_intent.startswith("pi_")


def test_delayed_payment_completes_unpaid_then_settles(client, standin):
    session = client.v1.checkout.sessions.create(PARAMS)
    completed = standin.pay(session.id, deliver=False, delayed=True)
    assert completed["type"] == "checkout.session.completed"
    held = client.v1.checkout.sessions.retrieve(session.id)
    assert (held.status, held.payment_status) == ("complete", "unpaid")
    settled = standin.settle_delayed(session.id, deliver=False)
    assert settled["type"] == "checkout.session.async_payment_succeeded"
    assert client.v1.checkout.sessions.retrieve(session.id).payment_status == "paid"
