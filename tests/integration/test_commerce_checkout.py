"""Checkout: a verified learner gets one pending order and one Stripe session,
whatever they double-click; the success page grants nothing."""

import pytest

from commerce.models import Enrollment, Order
from tests.support.commerce import make_learner
from tests.support.urls import localized_url

pytestmark = pytest.mark.django_db


def checkout(client, lang="en"):
    return client.post(localized_url("commerce:checkout", lang))


def test_checkout_creates_a_pending_order_and_a_stripe_session(
    client, shop_course, shop_learner, stripe_standin
):
    client.force_login(shop_learner)
    client.post("/es/carrito/agregar/", {"product": shop_course.product.pk})
    response = checkout(client, "es")
    assert response.status_code == 303
    order = Order.objects.get()
    assert response["Location"] == order.stripe_session_url
    assert order.status == Order.PENDING
    assert order.number.startswith("MC-") and order.number.endswith(f"{order.pk:06d}")
    assert (order.currency, order.total_minor, order.language) == ("EUR", 4500, "es")
    line = order.lines.get()
    assert (line.title, line.unit_amount_minor) == ("Breathing Basics (ES)", 4500)
    _method, _path, params, key = stripe_standin.requests[-1]
    assert key == f"checkout-{order.number}"
    assert params["mode"] == "payment"
    assert "payment_method_types" not in params
    assert params["client_reference_id"] == order.number
    assert params["metadata"]["order_id"] == str(order.pk)
    assert params["payment_intent_data"]["metadata"]["order_number"] == order.number
    assert params["customer_email"] == shop_learner.email
    assert params["locale"] == "es"
    assert params["line_items"][0]["price_data"] == {
        "currency": "eur",
        "unit_amount": "4500",
        "product_data": {"name": "Breathing Basics (ES)"},
    }
    assert "/es/pago/confirmacion/" in params["success_url"]
    assert not Enrollment.objects.exists()


def test_double_submit_reuses_the_pending_order_and_its_session(
    client, shop_course, shop_learner, stripe_standin
):
    client.force_login(shop_learner)
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    first, second = checkout(client), checkout(client)
    assert first["Location"] == second["Location"]
    assert Order.objects.count() == 1
    assert (
        len([r for r in stripe_standin.requests if r[1] == "/v1/checkout/sessions"])
        == 1
    )


def test_anonymous_visitor_is_sent_to_sign_in(client, shop_course):
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    response = checkout(client)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Order.objects.exists()


def test_unverified_email_cannot_pay(client, shop_course, db):
    user = make_learner("bob@example.com", verified=False)
    client.force_login(user)
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    response = checkout(client)
    assert response.status_code == 302 and "/accounts/email/" in response["Location"]
    assert not Order.objects.exists()


def success_page(client, order, lang="en"):
    return client.get(
        localized_url("commerce:checkout_success", lang),
        {"order": order.number, "session_id": order.stripe_session_id},
    )


def test_success_page_before_paying_waits_and_grants_nothing(
    client, shop_course, shop_learner, stripe_standin
):
    client.force_login(shop_learner)
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    checkout(client)
    order = Order.objects.get()
    response = success_page(client, order)
    assert "Confirming your payment" in response.content.decode()
    assert 'http-equiv="refresh"' in response.content.decode()
    assert not Enrollment.objects.exists()
    order.refresh_from_db()
    assert order.status == Order.PENDING  # not flagged: nobody claimed a payment


def test_success_page_fulfils_when_the_webhook_is_late(
    client,
    shop_course,
    shop_learner,
    stripe_standin,
    django_capture_on_commit_callbacks,
):
    from django.core import mail

    client.force_login(shop_learner)
    client.post("/es/carrito/agregar/", {"product": shop_course.product.pk})
    checkout(client, "es")
    order = Order.objects.get()
    stripe_standin.pay(order.stripe_session_id, deliver=False)  # no webhook yet
    with django_capture_on_commit_callbacks(execute=True):
        response = success_page(client, order, "es")
    assert "Pago confirmado" in response.content.decode()
    assert Enrollment.objects.get(user=shop_learner).product == shop_course.product
    receipt = next(m for m in mail.outbox if order.number in m.subject)
    assert "Breathing Basics (ES)" in receipt.body and "45,00" in receipt.body
    notice = next(m for m in mail.outbox if "New order" in m.subject)
    assert "Breathing Basics\n" in notice.body  # staff read it in English
    # the webhook arriving now changes nothing
    assert success_page(client, order, "es").status_code == 200
    assert Enrollment.objects.count() == 1


def test_someone_elses_order_confirmation_is_a_404(
    client, shop_course, shop_learner, stripe_standin
):
    client.force_login(shop_learner)
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    checkout(client)
    order = Order.objects.get()
    client.force_login(make_learner("eve@example.com"))
    assert client.get(f"/en/checkout/success/?order={order.number}").status_code == 404
    assert client.get(f"/en/my/orders/{order.number}/").status_code == 404


def test_cancel_returns_to_the_cart_intact(
    client, shop_course, shop_learner, stripe_standin
):
    client.force_login(shop_learner)
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    checkout(client)
    response = client.get("/en/checkout/cancel/", follow=True)
    assert response.context["summary"].total_minor == 4900
    assert "cancelled" in response.content.decode()


def test_eleventh_checkout_in_an_hour_is_refused_with_retry_after(
    client, shop_course, shop_learner, stripe_standin
):
    client.force_login(shop_learner)
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    for _attempt in range(10):
        assert checkout(client).status_code == 303
    response = checkout(client)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600


def test_free_course_enrolls_without_stripe(
    client, site_tree, shop_learner, stripe_standin
):
    from tests.support.commerce import build_course

    free = build_course(site_tree, "Free Sitting", usd=0, eur=0)
    client.force_login(shop_learner)
    client.post("/en/cart/add/", {"product": free.product.pk})
    response = checkout(client, "es")
    assert response.status_code == 302
    assert Enrollment.objects.filter(user=shop_learner, product=free.product).exists()
    order = Order.objects.get()
    assert order.status == Order.PAID
    assert stripe_standin.requests == []
    page = client.get(response["Location"]).content.decode()
    assert "Pedido confirmado" in page and "era gratuito" in page
    assert "Tus cursos están abiertos." in page
    assert "Pago confirmado" not in page
    assert "Gratis · inscrito" in client.get("/es/mis-pedidos/").content.decode()


def test_cart_page_lets_checkout_reach_the_configured_checkout_host(
    client, shop_course, settings
):
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    settings.STRIPE_API_BASE = "http://127.0.0.1:12111/"
    csp = client.get("/en/cart/")["Content-Security-Policy"]
    assert "form-action 'self' http://127.0.0.1:12111;" in csp
    settings.STRIPE_API_BASE = None  # Stripe itself
    csp = client.get("/en/cart/")["Content-Security-Policy"]
    assert "form-action 'self' https://checkout.stripe.com;" in csp
    course_page = client.get(shop_course.en.url)["Content-Security-Policy"]
    assert "form-action 'self';" in course_page


def test_checkout_stops_when_a_course_expired_since_it_was_added(
    client, shop_course, shop_learner, stripe_standin
):
    from datetime import timedelta

    from django.utils import timezone

    client.force_login(shop_learner)
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    for page in (shop_course.en, shop_course.es):
        page.expire_at = timezone.now() - timedelta(minutes=1)
        page.save()
    response = checkout(client)
    assert response.status_code == 302 and response["Location"].endswith("/en/cart/")
    assert not Order.objects.exists()
    cart = client.get("/en/cart/")
    assert cart.context["summary"].lines == []
