"""Editors' uploads: only real images of a sane size get in."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, superuser):
    client.force_login(superuser)
    return client


def png_bytes(size=(64, 48)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "purple").save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, name, content, content_type):
    return client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type)},
    )


def test_a_real_image_is_accepted(editor_client):
    response = upload(editor_client, "cover.png", png_bytes(), "image/png")
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="cover.png").exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("shell.php", b"<?php system($_GET['c']); ?>", "application/x-php"),
        ("fake.png", b"<html><script>alert(1)</script></html>", "image/png"),
        ("vector.svg", b"<svg onload='alert(1)'></svg>", "image/svg+xml"),
    ],
)
def test_scripts_and_disguised_files_are_refused(
    editor_client, name, content, content_type
):
    response = upload(editor_client, name, content, content_type)
    assert response.status_code == 200  # the form again, with an error
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024)
def test_oversized_images_are_refused(editor_client):
    big = png_bytes((800, 800))
    assert len(big) > 1024
    response = upload(editor_client, "huge.png", big, "image/png")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()
