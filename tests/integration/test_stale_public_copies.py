"""No cached or listed copy outlives what it showed: revoked share links and
unpublished courses are gone from the page cache and the sitemap at once."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from cms.publishing import sharing
from tests.support.commerce import make_learner

pytestmark = pytest.mark.django_db
SECRET = "PAID-BODY-SECRET"


@pytest.fixture(autouse=True)
def page_cache_on():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


def test_a_revoked_share_link_stops_opening_the_paid_lesson_at_once(shop_course):
    link, token = sharing.create_share_link(
        shop_course.paid_lesson, make_learner("marketing@example.com")
    )
    shared_url = f"{shop_course.paid_lesson.url}?share={token}"
    opened = Client().get(shared_url)
    assert SECRET in opened.text
    assert "no-store" in opened["Cache-Control"]  # no CDN keeps the token's copy
    assert SECRET in Client().get(shared_url).text

    sharing.revoke(link)

    assert SECRET not in Client().get(shared_url).text


def test_unpublishing_a_course_takes_its_lessons_off_the_site_at_once(
    client, shop_course
):
    lesson_url = shop_course.free_lesson.url
    client.get(lesson_url)
    assert client.get(lesson_url)["X-Page-Cache"] == "hit"
    assert lesson_url in client.get("/sitemap-pages.xml").text

    shop_course.en.unpublish()

    assert client.get(lesson_url).status_code == 404
    sitemap = client.get("/sitemap-pages.xml").text
    assert lesson_url not in sitemap
    assert shop_course.paid_lesson.url not in sitemap
