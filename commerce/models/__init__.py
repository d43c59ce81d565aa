"""Commerce models: products and prices, carts, coupons, orders, enrollments."""

from commerce.models.cart import Cart, CartItem
from commerce.models.catalog import Price, Product
from commerce.models.coupons import Coupon, CouponAmount, CouponRedemption
from commerce.models.enrollments import Enrollment
from commerce.models.orders import (
    Order,
    OrderEmail,
    OrderEvent,
    OrderLine,
    Refund,
    WebhookEvent,
)

__all__ = [
    "Cart",
    "CartItem",
    "Coupon",
    "CouponAmount",
    "CouponRedemption",
    "Enrollment",
    "Order",
    "OrderEmail",
    "OrderEvent",
    "OrderLine",
    "Price",
    "Product",
    "Refund",
    "WebhookEvent",
]
