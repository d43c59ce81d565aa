"""Opening a form's address in the browser (a shared or retyped link) answers
405 with the site's page in the URL's language, not the browser's blank error."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/es/carrito/agregar/", "No disponible en esta dirección"),
        ("/en/cart/add/", "Not available at this address"),
    ],
)
def test_a_get_on_a_form_address_gets_a_page_in_its_language(
    client, site_tree, path, words
):
    response = client.get(path)
    assert response.status_code == 405
    assert "POST" in response["Allow"]
    page = response.content.decode()
    assert f"<h1>{words}</h1>" in page
    assert response["Content-Length"] == str(len(response.content))  # sent whole
    assert 'href="/es/"' in page if path.startswith("/es/") else 'href="/en/"' in page


def test_a_booking_address_opened_in_spanish(client, shop_event):
    response = client.get(f"/es/reservar/{shop_event.es.pk}/")
    assert response.status_code == 405
    assert "No disponible en esta dirección" in response.content.decode()


def test_the_api_keeps_its_bare_answer(client, site_tree):
    response = client.get("/api/vitals")
    assert response.status_code == 405 and response.content == b""
