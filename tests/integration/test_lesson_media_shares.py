"""Marketing shares a draft course or lesson whose video was uploaded: the
link's holder plays what the shared page shows (the shared lesson itself; under
a shared course only free previews, as an anonymous visitor sees it), nothing
outside the shared page, and nothing once the link has expired or is revoked.
The files live on a real S3-compatible server (moto)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.utils import timezone

from cms.publishing.sharing import create_share_link, revoke
from tests.support.downloads import audio_bytes
from tests.support.publishing_pages import draft_course

pytestmark = pytest.mark.django_db

VIDEO = audio_bytes(90_000)


def draft_lesson(course, title, *, free, file_name):
    from cms.models import LessonPage

    lesson = course.add_child(
        instance=LessonPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            body=[("rich_text", f"<p>{title} body</p>")],
            is_free_preview=free,
            live=False,
        )
    )
    lesson.media_file.save(file_name, ContentFile(VIDEO), save=False)
    lesson.save_revision()
    return lesson


@pytest.fixture
def drafts(site_tree, private_s3):
    course = draft_course(site_tree)
    paid = draft_lesson(course, "Deep breath", free=False, file_name="deep.mp4")
    free = draft_lesson(course, "Welcome", free=True, file_name="welcome.mp3")
    other = draft_course(site_tree, title="Other Draft", slug="other-draft")
    elsewhere = draft_lesson(other, "Elsewhere", free=True, file_name="else.mp4")
    return {"course": course, "paid": paid, "free": free, "elsewhere": elsewhere}


def player_src(html):
    found = re.search(r'<(?:video|audio)[^>]* src="([^"]+)"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def media_url(lesson, token):
    return f"/en/learn/lessons/{lesson.pk}/media/?share={token}"


def test_a_shared_draft_lesson_plays_its_video_with_seeking(client, drafts):
    _link, token = create_share_link(drafts["paid"], user=None)
    page = client.get(f"/en/share/{token}/").content.decode()
    src = player_src(page)
    assert src is not None and f"share={token}" in src
    part = client.get(src, HTTP_RANGE="bytes=10-1009")
    assert part.status_code == 206
    assert part["Cache-Control"] == "private, no-store"
    assert b"".join(part.streaming_content) == VIDEO[10:1010]
    # Without the link, the draft's video is nobody's.
    assert client.get(src.split("?")[0]).status_code == 404


def test_a_shared_course_plays_free_previews_only_and_nothing_outside_it(
    client, drafts
):
    _link, token = create_share_link(drafts["course"], user=None)
    assert client.get(f"/en/share/{token}/").status_code == 200
    free = client.get(media_url(drafts["free"], token))
    assert free.status_code == 200
    assert b"".join(free.streaming_content) == VIDEO
    paid = client.get(media_url(drafts["paid"], token))
    assert paid.status_code == 403
    assert "expired or does not open it" in paid.content.decode()
    elsewhere = client.get(media_url(drafts["elsewhere"], token))
    assert elsewhere.status_code == 403


def test_a_shared_lesson_does_not_open_its_sibling(client, drafts):
    _link, token = create_share_link(drafts["free"], user=None)
    assert client.get(media_url(drafts["free"], token)).status_code == 200
    assert client.get(media_url(drafts["paid"], token)).status_code == 403


def test_an_expired_or_revoked_link_plays_nothing(client, drafts):
    link, token = create_share_link(drafts["paid"], user=None)
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        expired = client.get(media_url(drafts["paid"], token))
    assert expired.status_code == 403
    revoke(link)
    assert client.get(media_url(drafts["paid"], token)).status_code == 403
    spanish = client.get(f"/es/learn/lessons/{drafts['paid'].pk}/media/?share={token}")
    assert spanish.status_code == 403
    assert "caducado" in spanish.content.decode()


def test_a_shared_live_lesson_plays_on_its_own_page_with_the_token(
    client, shop_course, private_s3
):
    """A lesson share opened on the live page (`?share=`) plays its video too."""
    paid = shop_course.paid_lesson
    paid.media_file.save("live.mp4", ContentFile(VIDEO), save=False)
    paid.save_revision().publish()
    _link, token = create_share_link(paid, user=None)
    html = client.get(f"{paid.url}?share={token}").content.decode()
    src = player_src(html)
    assert src is not None and f"share={token}" in src
    assert client.get(src).status_code == 200
    assert client.get(src.split("?")[0]).status_code == 403
