"""Learner URLs under the language prefix, translated: /en/cart/, /es/carrito/ …

The untranslated paths (/es/cart/) redirect to the translated ones
(operations/localized_paths.py).
"""

from django.urls import path
from django.utils.translation import pgettext_lazy

from commerce import views
from operations.localized_paths import with_untranslated_redirects

app_name = "commerce"

urlpatterns = with_untranslated_redirects(
    [
        path(pgettext_lazy("URL path", "cart/"), views.cart_view, name="cart"),
        path(pgettext_lazy("URL path", "cart/add/"), views.cart_add, name="cart_add"),
        path(
            pgettext_lazy("URL path", "cart/remove/"),
            views.cart_remove,
            name="cart_remove",
        ),
        path(
            pgettext_lazy("URL path", "cart/coupon/"),
            views.cart_coupon,
            name="cart_coupon",
        ),
        path(pgettext_lazy("URL path", "checkout/"), views.checkout, name="checkout"),
        path(
            pgettext_lazy("URL path", "checkout/success/"),
            views.checkout_success,
            name="checkout_success",
        ),
        path(
            pgettext_lazy("URL path", "checkout/cancel/"),
            views.checkout_cancel,
            name="checkout_cancel",
        ),
        path(
            pgettext_lazy("URL path", "my/courses/"),
            views.my_courses,
            name="my_courses",
        ),
        path(
            pgettext_lazy("URL path", "my/orders/"), views.my_orders, name="my_orders"
        ),
        path(
            pgettext_lazy("URL path", "my/orders/<str:number>/"),
            views.order_detail,
            name="order_detail",
        ),
    ],
    namespace=app_name,
)
