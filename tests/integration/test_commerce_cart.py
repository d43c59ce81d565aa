"""The cart: once per shop_course, owned courses refused, unavailable ones dropped,
merged at login, totals from the server only."""

import pytest
from django.urls import reverse
from django.utils import translation

from commerce.models import CartItem, Enrollment
from tests.support.urls import localized_url

pytestmark = pytest.mark.django_db


def add(client, product, lang="en", **extra):
    with translation.override(lang):
        url = reverse("commerce:cart_add")
    return client.post(url, {"product": product.pk, **extra})


def cart_page(client, lang="en"):
    return client.get(localized_url("commerce:cart", lang))


def test_anonymous_visitor_adds_a_course_once_and_sees_the_count(client, shop_course):
    add(client, shop_course.product)
    add(client, shop_course.product)
    response = cart_page(client)
    assert response.status_code == 200
    assert response.context["summary"].total_minor == 4900
    assert len(response.context["summary"].lines) == 1
    assert "data-cart-count>1<" in response.content.decode()


def test_spanish_cart_is_in_euros_with_spanish_formatting(client, shop_course):
    add(client, shop_course.product, "es")
    body = cart_page(client, "es").content.decode()
    assert "45,00\xa0€" in body


def test_a_posted_price_is_ignored(client, shop_course):
    add(client, shop_course.product, price="1", amount_minor="1", total="0")
    assert cart_page(client).context["summary"].total_minor == 4900


def test_unknown_or_malformed_course_is_a_400_not_a_500(client, site_tree):
    assert client.post("/en/cart/add/", {"product": "abc"}).status_code == 400
    assert client.post("/en/cart/add/", {"product": "999999"}).status_code == 400
    assert client.post("/en/cart/remove/", {"product": "x"}).status_code == 400


def test_owned_course_cannot_be_added(client, shop_course, shop_learner):
    Enrollment.objects.create(user=shop_learner, product=shop_course.product)
    client.force_login(shop_learner)
    response = add(client, shop_course.product)
    assert CartItem.objects.count() == 0
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("already own" in m for m in messages)


def test_unpublished_course_leaves_the_cart_with_a_notice(client, shop_course):
    add(client, shop_course.product)
    shop_course.en.unpublish()
    shop_course.es.unpublish()
    response = cart_page(client)
    assert response.context["summary"].lines == []
    assert "no longer available" in response.content.decode()


def test_session_cart_merges_into_learner_cart_at_login_without_duplicates(
    client, shop_course, shop_learner
):
    CartItem.objects.create(
        cart=shop_learner.cart
        if hasattr(shop_learner, "cart")
        else _cart(shop_learner),
        product=shop_course.product,
    )
    add(client, shop_course.product)
    client.post(
        "/en/accounts/login/",
        {"login": shop_learner.email, "password": "a-long-password-1"},
    )
    assert CartItem.objects.filter(cart__user=shop_learner).count() == 1
    assert client.session.get("commerce_cart") == []


def test_signed_in_cart_persists_across_sessions(client, shop_course, shop_learner):
    client.force_login(shop_learner)
    add(client, shop_course.product)
    client.logout()
    client.force_login(shop_learner)
    assert cart_page(client).context["summary"].total_minor == 4900


def _cart(user):
    from commerce.models import Cart

    return Cart.objects.create(user=user)


def test_enroll_button_works_without_a_csrf_token_so_course_pages_stay_cacheable(
    shop_course,
):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    page = client.get(shop_course.en.url)
    assert "csrftoken" not in page.cookies
    assert 'name="product"' in page.content.decode()
    response = client.post("/en/cart/add/", {"product": shop_course.product.pk})
    assert response.status_code == 302
    assert client.post("/en/checkout/").status_code == 403  # the rest keeps CSRF


def test_changing_a_price_purges_the_anonymous_page_cache(shop_course):
    from django.core.cache import cache

    from speedups.page_cache import SITE_GENERATION

    before = cache.get(SITE_GENERATION, 0)
    price = shop_course.product.prices.get(currency="USD")
    price.amount_minor = 3900
    price.save()
    assert cache.get(SITE_GENERATION, 0) > before
