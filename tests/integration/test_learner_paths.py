"""Learner pages have paths in the reader's language; the old ones redirect."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/es/cart/", "/es/carrito/"),
        ("/es/my/courses/", "/es/mis-cursos/"),
        ("/es/my/orders/", "/es/mis-pedidos/"),
        ("/es/my/orders/MC-2026-000001/", "/es/mis-pedidos/MC-2026-000001/"),
        (
            "/es/checkout/success/?order=MC-2026-000001",
            "/es/pago/confirmacion/?order=MC-2026-000001",
        ),
        ("/es/certificates/verify/", "/es/certificados/verificar/"),
    ],
)
def test_old_spanish_learner_paths_redirect_permanently(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_an_old_form_post_is_sent_on_with_its_method(client, shop_course):
    response = client.post("/es/cart/add/", {"product": shop_course.product.pk})
    assert response.status_code == 308
    assert response["Location"] == "/es/carrito/agregar/"


def test_english_learner_paths_stay(client, site_tree):
    assert client.get("/en/cart/").status_code == 200


def test_favicon_ico_leads_to_the_png_icon(client):
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert "/static/img/favicon-32" in response["Location"]
    assert finders.find("img/favicon-32.png")


@pytest.mark.urls("tests.support.crash_urls")
def test_the_500_page_speaks_the_language_of_the_url(site_tree):
    from django.test import Client

    client = Client(raise_request_exception=False)
    spanish = client.get("/es/explode/")
    assert spanish.status_code == 500
    assert '<html lang="es">' in spanish.content.decode()
    assert "Algo ha salido mal" in spanish.content.decode()
    assert "Something went wrong" in client.get("/en/explode/").content.decode()
