"""Nobody pays twice for what they hold: a download with an open grant, like a
course they are enrolled in, is refused when added to the cart and dropped at
checkout, with the reason in the learner's language. Each kind answers for
itself through commerce's entitlement registry; a refunded download can be
bought again."""

import pytest
from django.urls import reverse
from django.utils import translation

from commerce import entitlements
from commerce.models import CartItem, Order
from tests.support.commerce import PASSWORD, make_learner
from tests.support.downloads import build_download

pytestmark = pytest.mark.django_db

OWNED = {
    "en": "You already own “{title}”.",
    "es": "Ya tienes «{title}».",
}
LEFT_CART = {
    "en": "You already own “{title}”; it left your cart.",
    "es": "Ya tienes «{title}»; ha salido de tu carrito.",
}


@pytest.fixture
def download(site_tree, private_s3):
    return build_download(site_tree)


def title(language, download=None, course=None):
    if download is not None:
        return download.en.title if language == "en" else download.es.title
    return course.en.title if language == "en" else course.es.title


def url(name, language):
    with translation.override(language):
        return reverse(name)


def add(client, product, language):
    return client.post(
        url("commerce:cart_add", language), {"product": product.pk}, follow=True
    )


def shown(response):
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_download_the_learner_holds_is_refused_at_add_to_cart(
    client, download, language
):
    learner = make_learner()
    entitlements.grant_by_staff(learner, download.product)
    client.force_login(learner)
    response = add(client, download.product, language)
    assert CartItem.objects.count() == 0
    expected = OWNED[language].format(title=title(language, download))
    assert expected in shown(response)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_download_owned_since_it_was_put_in_the_cart_leaves_it_at_checkout(
    client, download, language
):
    learner = make_learner()
    client.force_login(learner)
    add(client, download.product, language)
    assert CartItem.objects.count() == 1
    entitlements.grant_by_staff(learner, download.product)  # bought elsewhere
    response = client.post(url("commerce:checkout", language), follow=True)
    assert response.redirect_chain[-1][0] == url("commerce:cart", language)
    assert not Order.objects.exists()
    assert CartItem.objects.count() == 0
    expected = LEFT_CART[language].format(title=title(language, download))
    assert expected in shown(response)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_course_owned_since_it_was_put_in_the_cart_leaves_it_at_checkout(
    client, shop_course, language
):
    learner = make_learner()
    client.force_login(learner)
    add(client, shop_course.product, language)
    entitlements.grant_by_staff(learner, shop_course.product)
    response = client.post(url("commerce:checkout", language), follow=True)
    assert not Order.objects.exists()
    expected = LEFT_CART[language].format(title=title(language, course=shop_course))
    assert expected in shown(response)


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_enrolled_course_is_refused_at_add_to_cart(client, shop_course, language):
    learner = make_learner()
    entitlements.grant_by_staff(learner, shop_course.product)
    client.force_login(learner)
    response = add(client, shop_course.product, language)
    assert CartItem.objects.count() == 0
    expected = OWNED[language].format(title=title(language, course=shop_course))
    assert expected in shown(response)


def test_a_refunded_download_can_be_bought_again(client, download):
    learner = make_learner()
    entitlements.grant_by_staff(learner, download.product)
    assert entitlements.revoke_user(learner) == 1  # as a refund or erasure does
    client.force_login(learner)
    response = add(client, download.product, "en")
    assert CartItem.objects.count() == 1
    assert "“Evening Meditation” is in your cart." in shown(response)


def test_an_owned_download_in_a_visitors_cart_is_not_merged_at_sign_in(
    client, download, shop_course
):
    learner = make_learner("mara@example.com")
    entitlements.grant_by_staff(learner, download.product)
    add(client, download.product, "en")
    add(client, shop_course.product, "en")
    client.post(
        url("account_login", "en"),
        {"login": "mara@example.com", "password": PASSWORD},
    )
    assert list(
        CartItem.objects.filter(cart__user=learner).values_list("product_id", flat=True)
    ) == [shop_course.product.pk]


def test_an_event_can_be_booked_again(shop_event):
    """Seats are not a thing one holds once: the registry says so for events."""
    learner = make_learner()
    assert not entitlements.owns(learner, shop_event.product)
