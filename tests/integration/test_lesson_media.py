"""A lesson's uploaded video lives in the private store (a real S3 server,
moto): the enrolled learner plays it with seeking (206) and resumes where she
stopped; everyone else is refused at every address the page shows, while a
free-preview lesson plays for anyone."""

import re

import pytest
from django.core.files.base import ContentFile

from commerce.models import Enrollment
from tests.support.commerce import make_learner
from tests.support.downloads import audio_bytes

pytestmark = pytest.mark.django_db

VIDEO = audio_bytes(120_000)


@pytest.fixture
def course(shop_course, private_s3):
    """The paid lesson (both languages) and the free preview have a video."""
    paid, free = shop_course.paid_lesson, shop_course.free_lesson
    paid.media_file.save("breathing.mp4", ContentFile(VIDEO), save=False)
    paid.save_revision().publish()
    shop_course.paid_lesson_es.media_file = paid.media_file.name
    shop_course.paid_lesson_es.save_revision().publish()
    free.media_file.save("welcome.mp3", ContentFile(VIDEO), save=False)
    free.save_revision().publish()
    return shop_course


@pytest.fixture
def learner(course):
    user = make_learner("enrolled@example.com")
    Enrollment.objects.create(user=user, product=course.product, source="grant")
    return user


def exposed_urls(html):
    """Every address under /learn/ the lesson page points at (src, href, data-*)."""
    found = re.findall(r'(?:src|href|data-[a-z-]+)="(/[a-z]{2}/learn/[^"]+)"', html)
    return sorted(set(found))


def test_the_enrolled_learner_plays_the_video_with_range_requests(
    client, course, learner
):
    client.force_login(learner)
    page = client.get(course.paid_lesson.url).content.decode()
    assert "<video" in page
    media_url = re.search(r'<video[^>]* src="([^"]+)"', page).group(1)
    part = client.get(media_url, HTTP_RANGE="bytes=100-1099")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-1099/{len(VIDEO)}"
    assert part["Cache-Control"] == "private, no-store"
    assert b"".join(part.streaming_content) == VIDEO[100:1100]
    whole = client.get(media_url)
    assert whole.status_code == 200
    assert "inline" in whole["Content-Disposition"]


@pytest.mark.parametrize("who", ["anonymous", "learner without the course"])
def test_every_url_of_the_paid_lesson_refuses_a_non_buyer(client, course, learner, who):
    urls = []
    for lesson in (course.paid_lesson, course.paid_lesson_es):
        client.force_login(learner)
        urls += exposed_urls(client.get(lesson.url).content.decode())
    assert len(urls) == 4  # the file and the resume position, in each language
    client.logout()
    if who != "anonymous":
        client.force_login(make_learner("stranger@example.com"))
    for url in urls:
        for headers in ({}, {"HTTP_RANGE": "bytes=0-99"}):
            response = client.get(url, **headers)
            assert response.status_code == 403, url
            assert VIDEO[:100] not in response.content
    for lesson in (course.paid_lesson, course.paid_lesson_es):
        locked = client.get(lesson.url).content.decode()
        assert "<video" not in locked and "/media/" not in locked


def test_a_free_preview_plays_for_anyone(client, course):
    page = client.get(course.free_lesson.url).content.decode()
    media_url = re.search(r'<audio[^>]* src="([^"]+)"', page).group(1)
    part = client.get(media_url, HTTP_RANGE="bytes=0-9")
    assert part.status_code == 206
    assert b"".join(part.streaming_content) == VIDEO[:10]


def test_the_player_resumes_where_the_learner_stopped_in_either_language(
    client, course, learner
):
    client.force_login(learner)
    english = f"/en/learn/lessons/{course.paid_lesson.pk}/media/position/"
    spanish = f"/es/learn/lessons/{course.paid_lesson_es.pk}/media/position/"
    assert client.get(english).json() == {"position": 0}
    assert client.post(english, {"position": "42.7"}).json() == {"position": 42}
    assert client.get(spanish).json() == {"position": 42}
    assert client.post(english, {"position": "soon"}).status_code == 400


def test_a_revoked_enrollment_locks_the_video_again(client, course, learner):
    client.force_login(learner)
    url = f"/en/learn/lessons/{course.paid_lesson.pk}/media/"
    assert client.get(url, HTTP_RANGE="bytes=0-9").status_code == 206
    Enrollment.objects.update(revoked_at="2026-01-01T00:00:00Z")
    assert client.get(url, HTTP_RANGE="bytes=0-9").status_code == 403


def test_nonsense_lesson_addresses_are_404_never_500(client, course, learner):
    client.force_login(learner)
    for lesson_id in ("0", "99999999999999999999"):
        for suffix in ("media/", "media/position/"):
            response = client.get(f"/en/learn/lessons/{lesson_id}/{suffix}")
            assert response.status_code == 404
    free = course.free_lesson
    past_the_end = client.get(
        f"/en/learn/lessons/{free.pk}/media/", HTTP_RANGE="bytes=999999999-"
    )
    assert past_the_end.status_code == 416
