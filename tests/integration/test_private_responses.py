"""Pages made for one person tell caches and CDNs not to keep them.

A CDN in front of the site may store anything not marked `private`: a receipt or
a paid lesson opened for an enrolled learner must never be handed to the next
visitor. Shared pages for cookie-less visitors stay cacheable.
"""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from commerce.models import Order
from tests.support.learning import enrolled_learner

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


@pytest.fixture
def learner_client(shop_course):
    learner = enrolled_learner(shop_course)
    order = Order.objects.create(
        user=learner,
        email=learner.email,
        number="MC-PRIVATE-1",
        status=Order.PAID,
        currency="EUR",
        total_minor=4500,
        stripe_session_id="cs_test_private",
    )
    client = Client()
    client.force_login(learner)
    return client, order


def is_private(response):
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


def english(name, *args, query=""):
    with translation.override("en"):
        return reverse(name, args=args) + query


def test_a_learners_personal_pages_are_private_and_never_stored(
    learner_client, shop_course
):
    client, order = learner_client
    pages = [
        english("commerce:my_orders"),
        english("commerce:order_detail", order.number),
        english("commerce:my_courses"),
        english("commerce:checkout_success", query=f"?order={order.number}"),
        english("commerce:cart"),
        english("accounts:home"),
        shop_course.paid_lesson.url,
        shop_course.en.url,
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert is_private(response), (url, response.get("Cache-Control"))
    # The paid lesson was really opened for the enrolled learner, and that
    # copy went to no cache: a cookie-less visitor gets the locked one.
    assert "PAID-BODY-SECRET" in client.get(shop_course.paid_lesson.url).text
    assert "PAID-BODY-SECRET" not in Client().get(shop_course.paid_lesson.url).text


def test_a_visitor_with_a_cart_gets_private_pages(shop_course):
    visitor = Client()
    first = visitor.get(shop_course.en.url)
    assert not is_private(first)  # shared: the page cache keeps it
    assert visitor.get(shop_course.en.url)["X-Page-Cache"] == "hit"
    added = visitor.post(
        english("commerce:cart_add"), {"product": shop_course.product.pk}
    )
    assert is_private(added)  # it hands out the session cookie
    assert is_private(visitor.get(english("commerce:cart")))
    assert is_private(visitor.get(shop_course.en.url))
