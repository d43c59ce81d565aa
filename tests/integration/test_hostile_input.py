"""The six inputs that used to answer 500 now get a 4xx and change nothing:
superscript digits as a product id, NUL characters in a coupon code, an order
number, the checkout confirmation's order and a vitals beacon."""

import json

import pytest

from commerce.models import CartItem
from operations.vitals.models import VitalSample
from tests.support.urls import localized_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner_with_cart(client, shop_course, shop_learner):
    client.force_login(shop_learner)
    client.post(
        localized_url("commerce:cart_add", "en"), {"product": shop_course.product.pk}
    )
    assert CartItem.objects.filter(cart__user=shop_learner).count() == 1
    return client, shop_learner


@pytest.mark.parametrize("language", ["en", "es"])
def test_superscript_digits_as_a_product_are_refused(learner_with_cart, language):
    client, learner = learner_with_cart
    for name in ("commerce:cart_add", "commerce:cart_remove"):
        response = client.post(localized_url(name, language), {"product": "²"})
        assert response.status_code == 400
    assert CartItem.objects.filter(cart__user=learner).count() == 1


def test_a_product_id_beyond_the_database_range_is_refused(learner_with_cart):
    client, learner = learner_with_cart
    response = client.post(
        localized_url("commerce:cart_add", "en"), {"product": "9" * 30}
    )
    assert response.status_code == 400
    assert CartItem.objects.filter(cart__user=learner).count() == 1


def test_a_nul_in_the_coupon_code_is_a_spanish_400(learner_with_cart):
    client, _learner = learner_with_cart
    response = client.post(
        localized_url("commerce:cart_coupon", "es"), {"code": "A\x00"}
    )
    assert response.status_code == 400
    assert "Solicitud incorrecta" in response.content.decode()
    assert "commerce_coupon" not in client.session


def test_nul_in_an_order_number_or_confirmation_is_a_400(learner_with_cart):
    client, _learner = learner_with_cart
    assert client.get("/en/my/orders/MC%00/").status_code == 400
    success = localized_url("commerce:checkout_success", "es")
    assert client.get(f"{success}?order=%00").status_code == 400


def test_a_vitals_beacon_with_a_nul_in_its_path_is_refused(client):
    beacon = json.dumps({"path": "/en/\u0000", "metrics": {"LCP": 1200}})
    response = client.post("/api/vitals", beacon, content_type="text/plain")
    assert response.status_code == 400
    assert not VitalSample.objects.exists()
