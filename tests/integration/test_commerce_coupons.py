"""Coupons: percentage or fixed per currency, a validity window, limits in total
and per learner, optional course limits; what Stripe charges is the discounted
total computed on the server."""

from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone

from commerce import coupons
from commerce.models import Coupon, CouponAmount, CouponRedemption, Order
from tests.fakes.stripe_server import signed_post
from tests.support.commerce import WEBHOOK_SECRET, build_course, make_learner
from tests.support.urls import localized_url

pytestmark = pytest.mark.django_db


def apply(client, code, lang="en"):
    return client.post(
        localized_url("commerce:cart_coupon", lang), {"code": code}, follow=True
    )


def test_percentage_coupon_discounts_the_cart_and_the_stripe_charge(
    client, shop_course, shop_learner, stripe_standin
):
    Coupon.objects.create(code="calm20", kind=Coupon.KIND_PERCENT, percent_off=20)
    client.force_login(shop_learner)
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    response = apply(client, "CALM20")
    assert response.context["summary"].total_minor == 3920
    client.post("/en/checkout/")
    order = Order.objects.get()
    assert (order.subtotal_minor, order.discount_minor, order.total_minor) == (
        4900,
        980,
        3920,
    )
    _m, _p, params, _k = stripe_standin.requests[-1]
    assert params["line_items"][0]["price_data"]["unit_amount"] == "3920"
    with TestCase.captureOnCommitCallbacks(execute=True):
        signed_post(
            client,
            stripe_standin.pay(order.stripe_session_id, deliver=False),
            WEBHOOK_SECRET,
        )
    assert CouponRedemption.objects.get().status == CouponRedemption.REDEEMED


def test_fixed_coupon_is_per_currency(client, shop_course):
    coupon = Coupon.objects.create(code="TENOFF", kind=Coupon.KIND_FIXED)
    CouponAmount.objects.create(coupon=coupon, currency="EUR", amount_minor=1000)
    client.post("/es/carrito/agregar/", {"product": shop_course.product.pk})
    assert apply(client, "tenoff", "es").context["summary"].total_minor == 3500
    client.post("/en/cart/coupon/", {"remove": "1"})
    response = apply(client, "tenoff", "en")
    assert response.context["summary"].total_minor == 4900
    assert "cannot be used in this currency" in response.content.decode()


def test_coupon_outside_its_window_is_refused(shop_course, shop_learner):
    now = timezone.now()
    early = Coupon.objects.create(
        code="SOON", kind="percent", percent_off=10, valid_from=now + timedelta(1)
    )
    late = Coupon.objects.create(
        code="GONE", kind="percent", percent_off=10, valid_until=now - timedelta(1)
    )
    for coupon, reason in ((early, "not valid yet"), (late, "expired")):
        with pytest.raises(coupons.CouponError, match=reason):
            coupons.check(coupon, shop_learner, "USD", [shop_course.product.pk])


def test_coupon_limited_to_other_courses_does_not_apply(site_tree, shop_learner):
    first = build_course(site_tree, "First Course")
    second = build_course(site_tree, "Second Course")
    coupon = Coupon.objects.create(code="ONLY2", kind="percent", percent_off=50)
    coupon.products.set([second.product])
    coupon.save()
    with pytest.raises(coupons.CouponError, match="does not apply"):
        coupons.check(coupon, shop_learner, "USD", [first.product.pk])
    coupons.check(coupon, shop_learner, "USD", [first.product.pk, second.product.pk])


def test_learner_cannot_use_a_coupon_twice(client, shop_course, shop_learner):
    from commerce import orders
    from commerce.pricing import summarise

    coupon = Coupon.objects.create(code="ONCE", kind="percent", percent_off=10)
    orders.create_or_reuse_pending(
        shop_learner, summarise([shop_course.product], "USD", coupon), "en"
    )
    with pytest.raises(coupons.CouponError, match="already used"):
        coupons.check(coupon, shop_learner, "USD", [shop_course.product.pk])
    coupons.check(coupon, make_learner("new@example.com"), "USD", [])


def test_unknown_coupon_code_shows_a_clear_message(client, shop_course):
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    assert "not valid" in apply(client, "NOPE").content.decode()
