"""Fulfilment from Stripe webhooks: exactly once, whatever Stripe or an attacker
sends, in whatever order."""

import time

import pytest
from django.core import mail
from django.test import TestCase

from commerce.models import Enrollment, Order, WebhookEvent
from tests.fakes.stripe_server import signed_post
from tests.support.commerce import WEBHOOK_SECRET, make_learner

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending_order(client, shop_course, shop_learner, stripe_standin):
    client.force_login(shop_learner)
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    client.post("/en/checkout/")
    return Order.objects.get()


def deliver(client, event, **kwargs):
    """Deliver signed, running what the request queued for after its commit."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return signed_post(client, event, WEBHOOK_SECRET, **kwargs)


def test_paid_session_enrolls_the_learner_and_queues_receipt_and_staff_notice(
    client, pending_order, stripe_standin, shop_learner, shop_course
):
    event = stripe_standin.pay(pending_order.stripe_session_id, deliver=False)
    response = deliver(client, event)
    assert response.status_code == 200
    assert response.json()["outcome"] == "fulfilled"
    pending_order.refresh_from_db()
    assert pending_order.status == Order.PAID
    assert pending_order.stripe_payment_intent.startswith("pi_")
    assert Enrollment.objects.get().product == shop_course.product
    subjects = sorted(message.subject for message in mail.outbox)
    assert any("is confirmed" in s for s in subjects)
    assert any("New order" in s for s in subjects)
    receipt = next(m for m in mail.outbox if "is confirmed" in m.subject)
    assert receipt.to == [shop_learner.email]
    assert "$49.00" in receipt.body
    assert receipt.alternatives  # HTML part
    # the bought course left the learner's cart
    assert client.get("/en/cart/").context["summary"].lines == []


def test_same_event_twice_enrolls_once_and_emails_once(
    client, pending_order, stripe_standin
):
    event = stripe_standin.pay(pending_order.stripe_session_id, deliver=False)
    assert deliver(client, event).json()["outcome"] == "fulfilled"
    assert deliver(client, event).json()["outcome"] == "duplicate"
    assert Enrollment.objects.count() == 1
    assert len([m for m in mail.outbox if "is confirmed" in m.subject]) == 1


def test_bad_signature_is_refused(client, pending_order, stripe_standin):
    event = stripe_standin.pay(pending_order.stripe_session_id, deliver=False)
    response = signed_post(client, event, "whsec_forged")
    assert response.status_code == 400
    assert not Enrollment.objects.exists()
    unsigned = client.post(
        "/api/checkout/webhook", data=b"{}", content_type="application/json"
    )
    assert unsigned.status_code == 400


def test_stale_signature_is_refused(client, pending_order, stripe_standin):
    event = stripe_standin.pay(pending_order.stripe_session_id, deliver=False)
    response = deliver(client, event, timestamp=int(time.time()) - 3600)
    assert response.status_code == 400
    assert not Enrollment.objects.exists()


def test_tampered_body_fails_the_signature(client, pending_order, stripe_standin):
    import json

    from tests.fakes.stripe_server import sign

    event = stripe_standin.pay(pending_order.stripe_session_id, deliver=False)
    payload = json.dumps(event).encode()
    header = sign(payload, WEBHOOK_SECRET)
    tampered = payload.replace(b'"amount_total": 4900', b'"amount_total": 1')
    response = client.post(
        "/api/checkout/webhook",
        data=tampered,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header,
    )
    assert response.status_code == 400


def test_amount_mismatch_flags_the_order_for_review(
    client, pending_order, stripe_standin
):
    event = stripe_standin.pay(pending_order.stripe_session_id, deliver=False)
    stripe_standin.sessions[pending_order.stripe_session_id]["amount_total"] = 100
    assert deliver(client, event).status_code == 200
    pending_order.refresh_from_db()
    assert pending_order.status == Order.NEEDS_REVIEW
    assert "100" in pending_order.review_reason
    assert not Enrollment.objects.exists()


def test_currency_mismatch_flags_the_order_for_review(
    client, pending_order, stripe_standin
):
    event = stripe_standin.pay(pending_order.stripe_session_id, deliver=False)
    stripe_standin.sessions[pending_order.stripe_session_id]["currency"] = "eur"
    deliver(client, event)
    pending_order.refresh_from_db()
    assert pending_order.status == Order.NEEDS_REVIEW


def test_completed_after_expired_still_fulfils_once(
    client, pending_order, stripe_standin
):
    completed = stripe_standin.pay(pending_order.stripe_session_id, deliver=False)
    expired = stripe_standin.event(
        "checkout.session.expired",
        {
            **completed["data"]["object"],
            "status": "expired",
            "payment_status": "unpaid",
        },
    )
    assert deliver(client, expired).json()["outcome"] == "expired"
    assert deliver(client, completed).json()["outcome"] == "fulfilled"
    assert deliver(client, expired).json()["outcome"] == "duplicate"
    pending_order.refresh_from_db()
    assert pending_order.status == Order.PAID
    assert Enrollment.objects.count() == 1


def test_expired_after_paid_changes_nothing(client, pending_order, stripe_standin):
    deliver(client, stripe_standin.pay(pending_order.stripe_session_id, deliver=False))
    deliver(
        client, stripe_standin.expire(pending_order.stripe_session_id, deliver=False)
    )
    pending_order.refresh_from_db()
    assert pending_order.status == Order.PAID
    assert Enrollment.objects.get().is_active


def test_unpaid_completion_waits_then_async_success_fulfils(
    client, pending_order, stripe_standin
):
    session_id = pending_order.stripe_session_id
    waiting = stripe_standin.pay(session_id, deliver=False, delayed=True)
    assert waiting["data"]["object"]["payment_status"] == "unpaid"
    assert deliver(client, waiting).json()["outcome"] == "awaiting_payment"
    assert not Enrollment.objects.exists()
    pending_order.refresh_from_db()
    assert pending_order.status == Order.PENDING
    paid = stripe_standin.settle_delayed(session_id, deliver=False)
    assert deliver(client, paid).json()["outcome"] == "fulfilled"
    assert Enrollment.objects.count() == 1


def test_signed_completion_of_an_expired_unpaid_session_grants_nothing(
    client, pending_order, stripe_standin
):
    """The event is genuine (signed) and says "paid", but Stripe holds the
    session as expired and unpaid: nothing is granted, staff see why."""
    session_id = pending_order.stripe_session_id
    stripe_standin.expire(session_id, deliver=False)
    claim = stripe_standin.event(
        "checkout.session.completed",
        {
            **stripe_standin.public(stripe_standin.get_session(session_id)),
            "status": "complete",
            "payment_status": "paid",
            "payment_intent": "pi_test_never_charged",
        },
    )
    response = deliver(client, claim)
    assert response.status_code == 200
    assert response.json()["outcome"] == "needs_review"
    assert not Enrollment.objects.exists()
    assert mail.outbox == []
    pending_order.refresh_from_db()
    assert pending_order.status == Order.NEEDS_REVIEW
    assert "expired, unpaid" in pending_order.review_reason
    # and the success page cannot undo that
    client.get(
        f"/en/checkout/success/?order={pending_order.number}&session_id={session_id}"
    )
    assert not Enrollment.objects.exists()


def test_staff_see_why_an_order_was_flagged(
    client, pending_order, stripe_standin, admin_client
):
    session_id = pending_order.stripe_session_id
    stripe_standin.expire(session_id, deliver=False)
    claim = stripe_standin.event(
        "checkout.session.completed",
        {**stripe_standin.public(stripe_standin.get_session(session_id))},
    )
    deliver(client, claim)
    from django.urls import reverse

    page = admin_client.get(reverse("commerce_order:inspect", args=[pending_order.pk]))
    text = page.content.decode()
    assert "Needs review" in text
    assert f"Stripe holds session {session_id} as expired, unpaid." in text


def test_stripe_unreachable_answers_503_and_the_retry_fulfils(
    client, pending_order, stripe_standin, settings
):
    event = stripe_standin.pay(pending_order.stripe_session_id, deliver=False)
    base = settings.STRIPE_API_BASE
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens there
    response = deliver(client, event)
    assert response.status_code == 503
    assert not WebhookEvent.objects.exists() and not Enrollment.objects.exists()
    settings.STRIPE_API_BASE = base
    assert deliver(client, event).json()["outcome"] == "fulfilled"
    assert Enrollment.objects.count() == 1


def test_async_payment_failure_fails_the_order(client, pending_order, stripe_standin):
    session = stripe_standin.public(
        stripe_standin.get_session(pending_order.stripe_session_id)
    )
    event = stripe_standin.event("checkout.session.async_payment_failed", session)
    deliver(client, event)
    pending_order.refresh_from_db()
    assert pending_order.status == Order.FAILED


def test_declined_card_is_recorded_on_the_timeline(
    client, pending_order, stripe_standin
):
    event = stripe_standin.decline(pending_order.stripe_session_id, deliver=False)
    assert deliver(client, event).json()["outcome"] == "payment_failed_recorded"
    assert pending_order.events.filter(kind="payment_failed").exists()
    pending_order.refresh_from_db()
    assert pending_order.status == Order.PENDING


def test_event_for_unknown_order_is_answered_200_and_reported(
    client, site_tree, stripe_standin, monkeypatch
):
    import sentry_sdk

    reported = []
    monkeypatch.setattr(
        sentry_sdk, "capture_message", lambda m, **k: reported.append(m)
    )
    event = stripe_standin.event(
        "checkout.session.completed",
        {
            "id": "cs_test_unknown",
            "object": "checkout.session",
            "client_reference_id": "MC-1999-999999",
            "metadata": {},
            "payment_status": "paid",
            "amount_total": 100,
            "currency": "usd",
        },
    )
    response = deliver(client, event)
    assert response.status_code == 200
    assert response.json()["outcome"] == "unknown_order"
    assert reported and "unknown order" in reported[0]
    assert WebhookEvent.objects.filter(stripe_event_id=event["id"]).exists()


def test_unhandled_event_types_are_acknowledged_and_ignored(client, stripe_standin):
    event = stripe_standin.event("customer.created", {"id": "cus_1"})
    response = deliver(client, event)
    assert response.status_code == 200 and response.json()["outcome"] == "ignored"


def test_another_learners_event_cannot_touch_my_order_without_a_signature(
    client, pending_order
):
    other = make_learner("mallory@example.com")
    client.force_login(other)
    response = client.post(
        "/api/checkout/webhook",
        data=b'{"id": "evt_x", "type": "charge.refunded"}',
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE="t=1,v1=deadbeef",
    )
    assert response.status_code == 400


@pytest.mark.parametrize("order_id", ["²", "99999999999", "12abc", ["1"]])
def test_a_signed_event_with_a_malformed_order_id_is_an_unknown_order(
    client, site_tree, stripe_standin, order_id
):
    """Old or hand-made events carry junk in metadata: answered, never a 500."""
    event = stripe_standin.event(
        "checkout.session.completed",
        {
            "id": "cs_test_junk",
            "object": "checkout.session",
            "metadata": {"order_id": order_id},
            "payment_status": "paid",
            "amount_total": 100,
            "currency": "usd",
        },
    )
    response = deliver(client, event)
    assert response.status_code == 200
    assert response.json()["outcome"] == "unknown_order"
