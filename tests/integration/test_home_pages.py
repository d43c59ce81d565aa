"""Both language trees answer, and `/` sends visitors to their language."""

import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_by_browser_language(client, site_tree):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")["Location"] == "/es/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de")["Location"] == "/en/"


def test_english_home_page(client, site_tree):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "<h1>Home</h1>" in html


def test_spanish_home_page_links_back_to_english(client, site_tree):
    response = client.get("/es/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert "<h1>Inicio</h1>" in html
    assert "Saltar al contenido" in html
    assert 'hreflang="en" href="http://testserver/en/"' in html
    assert 'hreflang="x-default"' in html


def test_unknown_page_is_a_translated_404(client, site_tree):
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()
