"""The order confirmation email speaks of what was bought: courses that are
open, seats that are booked, downloads that are ready; in the buyer's language."""

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from commerce.models import Order
from tests.fakes.stripe_server import signed_post
from tests.support.commerce import WEBHOOK_SECRET, make_learner
from tests.support.downloads import build_download

pytestmark = pytest.mark.django_db

WORDS = {
    "en": {
        "course": "Your courses are open.",
        "event": "Your seats are booked; the confirmation with the calendar file "
        "comes in its own email.",
        "download": "Your downloads are ready.",
        "bookings": "Your bookings: http://",
        "paid": "is paid.",
    },
    "es": {
        "course": "Tus cursos están abiertos.",
        "event": "Tus plazas están reservadas; la confirmación con el archivo de "
        "calendario llega en otro correo.",
        "download": "Tus descargas están listas.",
        "bookings": "Tus reservas: http://",
        "paid": "está pagado.",
    },
}


def receipt_of(client, learner, language):
    with translation.override(language):
        checkout = reverse("commerce:checkout")
    client.post(checkout)
    order = Order.objects.get(user=learner)
    with TestCase.captureOnCommitCallbacks(execute=True):
        signed_post(
            client,
            client.stripe_standin.pay(order.stripe_session_id, deliver=False),
            WEBHOOK_SECRET,
        )
    return next(m for m in mail.outbox if order.number in m.subject)


@pytest.fixture
def buyer(client, stripe_standin):
    client.stripe_standin = stripe_standin
    learner = make_learner()
    client.force_login(learner)
    return learner


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_event_only_order_speaks_of_seats_not_courses(
    client, buyer, shop_event, language
):
    page = shop_event.es if language == "es" else shop_event.en
    with translation.override(language):
        book = reverse("events:book", args=[page.pk])
    client.post(book, {"seats": 1, "name": ["Ana"]})
    receipt = receipt_of(client, buyer, language)
    words = WORDS[language]
    assert words["paid"] in receipt.body and words["event"] in receipt.body
    assert words["bookings"] in receipt.body
    assert words["course"] not in receipt.body
    html = receipt.alternatives[0][0]
    assert words["event"] in html and words["course"] not in html
    # The page Stripe sends the buyer back to says the same and leads to the
    # bookings, not to an empty "My courses".
    order = Order.objects.get(user=buyer)
    with translation.override(language):
        success = reverse("commerce:checkout_success")
        bookings = reverse("events:my_bookings")
        courses = reverse("commerce:my_courses")
    page = client.get(success, {"order": order.number}).content.decode()
    back = page[page.index("checkout-success") : page.index("</main>")]
    assert words["paid"] in back and words["event"] in back
    assert words["course"] not in back
    assert f'href="{bookings}"' in back and f'href="{courses}"' not in back


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_course_order_says_the_courses_are_open(client, buyer, shop_course, language):
    with translation.override(language):
        cart_add = reverse("commerce:cart_add")
    client.post(cart_add, {"product": shop_course.product.pk})
    receipt = receipt_of(client, buyer, language)
    assert WORDS[language]["course"] in receipt.body
    assert WORDS[language]["event"] not in receipt.body


def test_a_download_with_a_course_names_both(
    client, buyer, shop_course, site_tree, private_s3
):
    download = build_download(site_tree)
    for product in (shop_course.product, download.product):
        client.post(reverse("commerce:cart_add"), {"product": product.pk})
    receipt = receipt_of(client, buyer, "es")
    words = WORDS["es"]
    assert words["course"] in receipt.body and words["download"] in receipt.body
    assert words["event"] not in receipt.body
    order = Order.objects.get(user=buyer)
    back = client.get("/es/pago/confirmacion/", {"order": order.number})
    page = back.content.decode()
    assert words["course"] in page and words["download"] in page
    assert 'href="/es/mis-descargas/"' in page
