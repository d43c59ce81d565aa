"""Editors upload a digital product's file and a lesson's video in Wagtail's
page editor; both land in the private bucket of a real S3 server (moto)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cms.models import LessonPage
from downloads.models import DownloadPage
from tests.support.downloads import audio_bytes, indexes

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        email="editor@example.com", password="x" * 12
    )
    client.force_login(user)
    return user


def keys(s3_server, bucket):
    listing = s3_server.client().list_objects_v2(Bucket=bucket)
    return [item["Key"] for item in listing.get("Contents", [])]


def test_an_editor_uploads_a_digital_product_to_the_private_bucket(
    client, editor, site_tree, private_s3, s3_server
):
    index = indexes(site_tree)
    content = audio_bytes(50_000)
    response = client.post(
        f"/admin/pages/add/downloads/downloadpage/{index.pk}/",
        nested_form_data(
            {
                "title": "Morning Chant",
                "slug": "morning-chant",
                "summary": "A chant.",
                "description": rich_text("<p>Sing along.</p>"),
                "kind": "audio",
                "download_limit": "3",
                "file": SimpleUploadedFile("chant.mp3", content, "audio/mpeg"),
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = DownloadPage.objects.get(slug="morning-chant")
    assert page.file_size == len(content) and page.download_limit == 3
    assert keys(s3_server, private_s3) == [f"private/{page.file.name}"]
    assert page.file.name.startswith("downloads/chant")


def test_an_editor_uploads_a_lesson_video(
    client, editor, shop_course, private_s3, s3_server
):
    lesson = shop_course.paid_lesson
    response = client.post(
        f"/admin/pages/{lesson.pk}/edit/",
        nested_form_data(
            {
                "title": lesson.title,
                "slug": lesson.slug,
                "video_url": "",
                "media_file": SimpleUploadedFile("lesson.mp4", b"\0" * 4096),
                "body": {"count": 0},
                "duration_minutes": "5",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
    assert draft.media_file.name.startswith("lessons/lesson")
    assert keys(s3_server, private_s3) == [f"private/{draft.media_file.name}"]
