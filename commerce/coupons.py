"""Coupon rules: who may use which coupon, and reserving it without over-redeeming.

A pending order reserves its redemption under a row lock on the coupon, so twenty
concurrent checkouts for the last redemption leave exactly one holding it.
Expired or failed orders release theirs.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from commerce.models import Coupon, CouponRedemption


class CouponError(Exception):
    """Why a coupon can't be used, in words for the learner."""


def find(code):
    code = (code or "").strip().upper()
    coupon = Coupon.objects.filter(code=code, is_active=True).first() if code else None
    if coupon is None:
        raise CouponError(_("This coupon code is not valid."))
    return coupon


def _used(coupon, user=None):
    redemptions = coupon.redemptions.exclude(status=CouponRedemption.RELEASED)
    if user is not None:
        redemptions = redemptions.filter(user=user)
    return redemptions.count()


def check(coupon, user, currency, product_ids=(), exclude_order=None):
    """Raise CouponError unless `user` may use `coupon` now for these courses."""
    now = timezone.now()
    if not coupon.is_active:
        raise CouponError(_("This coupon code is not valid."))
    if coupon.valid_from and now < coupon.valid_from:
        raise CouponError(_("This coupon is not valid yet."))
    if coupon.valid_until and now >= coupon.valid_until:
        raise CouponError(_("This coupon has expired."))
    if (
        coupon.kind == Coupon.KIND_FIXED
        and not coupon.amounts.filter(currency=currency).exists()
    ):
        raise CouponError(_("This coupon cannot be used in this currency."))
    limited_to = {product.pk for product in coupon.products.all()}
    if limited_to and product_ids and not limited_to & set(product_ids):
        raise CouponError(_("This coupon does not apply to the courses in your cart."))
    others = coupon.redemptions.exclude(status=CouponRedemption.RELEASED)
    if exclude_order is not None:
        others = others.exclude(order=exclude_order)
    if coupon.max_redemptions is not None and others.count() >= coupon.max_redemptions:
        raise CouponError(_("This coupon has been used up."))
    if (
        user is not None
        and user.is_authenticated
        and others.filter(user=user).count() >= coupon.max_per_learner
    ):
        raise CouponError(_("You have already used this coupon."))


def reserve(coupon, order, product_ids):
    """Hold one redemption for a pending order; must run inside a transaction."""
    locked = Coupon.objects.select_for_update().get(pk=coupon.pk)
    check(locked, order.user, order.currency, product_ids, exclude_order=order)
    CouponRedemption.objects.update_or_create(
        order=order,
        defaults={
            "coupon": locked,
            "user": order.user,
            "status": CouponRedemption.RESERVED,
        },
    )


def release(order):
    """Give a failed or expired order's redemption back."""
    CouponRedemption.objects.filter(
        order=order, status=CouponRedemption.RESERVED
    ).update(status=CouponRedemption.RELEASED)


def redeem(order):
    """Mark the order's redemption used for good (the order was paid).

    A late payment for an order whose reservation was released (expired first,
    paid afterwards) still counts: the learner paid the discounted price.
    """
    CouponRedemption.objects.filter(order=order).update(
        status=CouponRedemption.REDEEMED
    )


@transaction.atomic
def validate_code(code, user, currency, product_ids):
    """Find and check a code typed in the cart; returns the coupon."""
    coupon = find(code)
    check(coupon, user, currency, product_ids)
    return coupon
