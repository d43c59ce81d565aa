"""An enrolled learner plays a lesson's uploaded audio in Chromium and comes back
to where she stopped; a visitor sees the lock and no player; whoever holds a
draft share link hears the shared lesson's audio until the link is revoked."""

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


def test_a_share_link_plays_the_draft_lessons_audio_until_it_is_revoked(
    live_server, shop_course, private_s3, browser, no_server_errors
):
    """Marketing shares a lesson not yet published, with its audio uploaded: the
    person holding the link hears it (seeking works); revoked, it plays no more."""
    from cms.models import LessonPage
    from cms.publishing.sharing import create_share_link, revoke

    draft = shop_course.en.add_child(
        instance=LessonPage(
            title="Evening practice",
            slug="evening-practice",
            body=[("rich_text", "<p>Sit comfortably.</p>")],
            is_free_preview=False,
            live=False,
        )
    )
    draft.media_file.save("evening.wav", ContentFile(tone_wav(30)), save=False)
    draft.save_revision()
    link, token = create_share_link(draft, user=None)

    guest = no_server_errors.watch(browser.new_context().new_page())
    guest.goto(f"{live_server.url}/en/share/{token}/")
    expect(guest.get_by_role("heading", level=1)).to_have_text("Evening practice")
    expect(guest.locator("audio")).to_have_count(1)
    guest.wait_for_function("document.querySelector('audio').duration > 29")
    guest.locator("audio").evaluate("a => { a.currentTime = 20; }")
    guest.wait_for_function("document.querySelector('audio').readyState >= 1")
    assert guest.locator("audio").evaluate("a => a.error") is None

    revoke(link)
    src = guest.locator("audio").get_attribute("src")
    assert f"share={token}" in src
    refused = guest.request.get(f"{live_server.url}{src}")
    assert refused.status == 403
    assert "expired or does not open it" in refused.text()
