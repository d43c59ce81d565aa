"""What only shows up under real concurrency and real outages: twenty identical
webhook deliveries at once, twenty checkouts racing for the last coupon, and an
SMTP server that is down while an order is fulfilled."""

import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from accounts.models import OutgoingEmail
from commerce import coupons, orders
from commerce.models import (
    Coupon,
    CouponRedemption,
    Enrollment,
    Order,
    OrderEmail,
)
from commerce.pricing import summarise
from tests.fakes.smtp_server import SMTPServer
from tests.fakes.stripe_server import deliver_concurrently
from tests.support.commerce import make_learner

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def paid_event(client, live_server, shop_course, shop_learner, stripe_standin):
    """A learner's pending order and the `completed` event Stripe would send."""
    stripe_standin.webhook_url = f"{live_server.url}/api/checkout/webhook"
    client.force_login(shop_learner)
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    client.post("/en/checkout/")
    order = Order.objects.get()
    return order, stripe_standin.pay(order.stripe_session_id, deliver=False)


def test_twenty_concurrent_duplicate_deliveries_enroll_once_and_email_once(
    paid_event, stripe_standin, shop_learner
):
    order, event = paid_event
    statuses = deliver_concurrently(stripe_standin, event, times=20)
    assert statuses == [200] * 20
    assert Enrollment.objects.filter(user=shop_learner).count() == 1
    assert OrderEmail.objects.filter(order=order, kind="confirmation").count() == 1
    assert OutgoingEmail.objects.filter(to=shop_learner.email).count() == 1
    order.refresh_from_db()
    assert order.status == Order.PAID
    assert order.events.filter(kind="paid").count() == 1


def test_smtp_down_during_fulfilment_still_fulfils_and_mails_later(
    paid_event, stripe_standin, shop_learner
):
    order, event = paid_event
    with SMTPServer(mode="down") as smtp:
        with override_settings(**smtp.django_settings()):
            status, _body = stripe_standin.deliver(event)
            assert status == 200
            assert Enrollment.objects.filter(user=shop_learner).exists()
            queued = OutgoingEmail.objects.get(to=shop_learner.email)
            assert queued.status == OutgoingEmail.Status.QUEUED
            assert queued.last_error
        smtp.mode = "ok"
        OutgoingEmail.objects.update(next_attempt_at=timezone.now() - timedelta(1))
        with override_settings(**smtp.django_settings()):
            call_command("send_queued_email")
        message = smtp.wait_for(to=shop_learner.email, subject_contains="confirmed")
        assert order.number in str(message["Subject"])


def test_coupon_with_one_redemption_left_is_never_over_redeemed(shop_course):
    coupon = Coupon.objects.create(
        code="LASTONE", kind=Coupon.KIND_PERCENT, percent_off=50, max_redemptions=1
    )
    learners = [make_learner(f"l{i}@example.com") for i in range(20)]
    barrier = threading.Barrier(len(learners))
    outcomes = []

    def checkout(user):
        try:
            barrier.wait()
            summary = summarise([shop_course.product], "USD", coupon)
            orders.create_or_reuse_pending(user, summary, "en")
            outcomes.append("ok")
        except coupons.CouponError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=checkout, args=(u,)) for u in learners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 1
    assert outcomes.count("refused") == 19
    assert CouponRedemption.objects.exclude(status="released").count() == 1
    assert Order.objects.count() == 1  # refused checkouts left no order behind


def test_expired_order_gives_its_coupon_back(shop_course, shop_learner):
    coupon = Coupon.objects.create(
        code="ONCE", kind=Coupon.KIND_PERCENT, percent_off=10, max_redemptions=1
    )
    summary = summarise([shop_course.product], "USD", coupon)
    order, _ = orders.create_or_reuse_pending(shop_learner, summary, "en")
    orders.close_unpaid(order.pk, Order.EXPIRED, "expired")
    other = make_learner("zoe@example.com")
    coupons.check(coupon, other, "USD", [shop_course.product.pk])  # no error
