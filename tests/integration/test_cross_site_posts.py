"""A page on another site cannot post to "add to cart" (which carries no CSRF
token so course pages stay cacheable): the learner stays signed in, cart intact."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from commerce.models import CartItem
from tests.support.commerce import build_course, make_learner

pytestmark = pytest.mark.django_db
EVIL = "http://evil.example"


def cart_add_url(language):
    with translation.override(language):
        return reverse("commerce:cart_add")


def post_from(origin, product, language="en", fetch_site=None, client=None):
    """The post a browser sends; it withholds the SameSite=Lax session cookie
    when the form is on another site, hence a cookie-less client by default."""
    headers = {"Origin": origin}
    if fetch_site:
        headers["Sec-Fetch-Site"] = fetch_site
    return (client or Client()).post(
        cart_add_url(language), {"product": product.pk}, headers=headers
    )


@pytest.mark.parametrize(
    "fetch_site",
    ["cross-site", "same-site", None],
    ids=["fetch-metadata", "same-site", "origin-only"],
)
def test_a_post_from_another_site_is_refused_and_changes_nothing(
    shop_course, fetch_site
):
    response = post_from(EVIL, shop_course.product, fetch_site=fetch_site)
    assert response.status_code == 403
    assert "This form came from another site" in response.text
    # No new session cookie to replace the learner's (which would sign them out).
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_the_refusal_speaks_spanish_on_spanish_pages(shop_course):
    response = post_from(EVIL, shop_course.product, "es", "cross-site")
    assert response.status_code == 403
    assert '<html lang="es">' in response.text
    assert "Este formulario llegó desde otro sitio" in response.text


def test_a_learner_keeps_their_session_and_cart_after_a_cross_site_post(
    shop_course, site_tree
):
    other = build_course(site_tree, title="Moon Rituals").product
    learner = make_learner()
    client = Client()
    client.force_login(learner)
    post_from(
        "http://testserver",
        shop_course.product,
        fetch_site="same-origin",
        client=client,
    )
    session_before = client.cookies[settings.SESSION_COOKIE_NAME].value

    refused = post_from(EVIL, other, fetch_site="cross-site", client=client)

    assert refused.status_code == 403
    assert client.cookies[settings.SESSION_COOKIE_NAME].value == session_before
    assert client.get(reverse("accounts:home")).status_code == 200  # signed in
    in_cart = CartItem.objects.filter(cart__user=learner)
    assert list(in_cart.values_list("product_id", flat=True)) == [
        shop_course.product.pk
    ]


def test_the_course_pages_own_form_still_adds_without_a_csrf_cookie(shop_course):
    visitor = Client(enforce_csrf_checks=True)
    response = post_from(
        "http://testserver",
        shop_course.product,
        fetch_site="same-origin",
        client=visitor,
    )
    assert response.status_code == 302
    cart = visitor.get(response["Location"])
    assert shop_course.en.title in cart.text
