"""`make run` shows two digital products in both languages, ready to buy."""

import pytest
from django.core.management import call_command

from commerce.models import Product
from downloads.models import DownloadPage

pytestmark = pytest.mark.django_db


def test_seed_downloads_builds_bilingual_products_with_files_and_prices(
    client, site_tree, private_s3
):
    call_command("seed_downloads")
    call_command("seed_downloads")  # again: nothing doubles
    assert DownloadPage.objects.count() == 4
    assert Product.objects.filter(kind="download").count() == 2
    spanish = client.get("/es/descargas/").content.decode()
    assert "Escaneo corporal de la tarde" in spanish
    audio = client.get("/es/descargas/escaneo-corporal-de-la-tarde/")
    assert audio.status_code == 200
    assert "8,00" in audio.content.decode()
    english = client.get("/en/downloads/breathing-workbook/").content.decode()
    assert "Free" in english
    page = DownloadPage.objects.get(slug="evening-body-scan")
    assert page.file_size > 1000
