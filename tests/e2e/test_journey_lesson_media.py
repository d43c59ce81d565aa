"""An enrolled learner plays a lesson's uploaded audio in Chromium and comes back
to where she stopped; a visitor sees the lock and no player."""

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import Page, expect

from commerce.models import Enrollment
from demo.downloads import tone_wav
from learning.models import LessonProgress
from tests.support.commerce import PASSWORD, make_learner

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lesson(live_server, shop_course, private_s3):
    paid = shop_course.paid_lesson
    paid.media_file.save("practice.wav", ContentFile(tone_wav(30)), save=False)
    paid.save_revision().publish()
    learner = make_learner("marta@example.com")
    Enrollment.objects.create(user=learner, product=shop_course.product, source="grant")
    return paid


def test_enrolled_learner_resumes_the_lesson_audio_where_she_stopped(
    live_server, lesson, page: Page, browser, no_server_errors
):
    no_server_errors.watch(page)
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.locator("input[name=login]").fill("marta@example.com")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}{lesson.url}")
    audio = page.locator("audio[data-media-position-url]")
    expect(audio).to_have_count(1)
    page.wait_for_function("document.querySelector('audio').duration > 29")
    # She listens to 0:17 and pauses: the place is saved.
    audio.evaluate("a => { a.currentTime = 17; a.dispatchEvent(new Event('pause')); }")
    for _attempt in range(50):
        row = LessonProgress.objects.filter(lesson_key=lesson.translation_key).first()
        if row and row.media_position == 17:
            break
        page.wait_for_timeout(100)
    assert row.media_position == 17

    # Back later: the player starts at 0:17.
    page.goto(f"{live_server.url}{lesson.url}")
    expect(page.locator("audio[data-resumed-at='17']")).to_have_count(1)
    assert page.locator("audio").evaluate("a => a.currentTime") == 17

    # A visitor sees the lock, and no player.
    visitor = no_server_errors.watch(browser.new_context().new_page())
    visitor.goto(f"{live_server.url}{lesson.url}")
    expect(visitor.locator(".locked-lesson")).to_be_visible()
    expect(visitor.locator("audio")).to_have_count(0)
