"""Learner URLs, mounted under the language prefix (/en/cart/, /es/cart/ …)."""

from django.urls import path

from commerce import views

app_name = "commerce"

urlpatterns = [
    path("cart/", views.cart_view, name="cart"),
    path("cart/add/", views.cart_add, name="cart_add"),
    path("cart/remove/", views.cart_remove, name="cart_remove"),
    path("cart/coupon/", views.cart_coupon, name="cart_coupon"),
    path("checkout/", views.checkout, name="checkout"),
    path("checkout/success/", views.checkout_success, name="checkout_success"),
    path("checkout/cancel/", views.checkout_cancel, name="checkout_cancel"),
    path("my/courses/", views.my_courses, name="my_courses"),
    path("my/orders/", views.my_orders, name="my_orders"),
    path("my/orders/<str:number>/", views.order_detail, name="order_detail"),
]
