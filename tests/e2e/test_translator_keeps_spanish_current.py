"""A translator keeps the Spanish course current: the whole course (slug
included) translated in one action, and a lesson added later shows up as work."""

import re

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from tests.e2e.test_editorial_roles_journey import (  # noqa: F401 (fixtures)
    editorial_groups,
    no_server_errors,
    sign_in,
)
from tests.support.publishing_pages import draft_course, publish

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def translate_first_segment(page, tab, text):
    """In wagtail-localize's translation editor: the tab's first string."""
    page.get_by_role("tab", name=tab).click()
    page.locator("button:visible", has_text="Translate").first.click()
    page.locator("textarea:visible").first.fill(text)
    page.locator("button:visible", has_text="Save").first.click()
    expect(page.locator("textarea:visible")).to_have_count(0)


@pytest.fixture
def english_course(editorial_groups):  # noqa: F811
    from cms.models import LessonPage

    course = draft_course(
        editorial_groups, title="Sound Bath Foundations", slug="sound-bath-foundations"
    )
    for title, slug, free in [
        ("Tuning the Bowls", "tuning-the-bowls", True),
        ("The Long Tone", "the-long-tone", False),
    ]:
        lesson = course.add_child(
            instance=LessonPage(
                title=title, slug=slug, is_free_preview=free, live=False
            )
        )
        lesson.save_revision()
    publish(course)
    for lesson in course.get_children():
        publish(lesson)
    return publish(course)


def test_translator_translates_a_course_and_sees_a_new_lesson_as_work(
    live_server,
    english_course,
    django_user_model,
    page: Page,
    no_server_errors,  # noqa: F811
):
    from cms.models import LessonPage

    sign_in(page, live_server, django_user_model, "Translators")
    panel = page.locator("[data-translation-work]")
    expect(panel).to_contain_text("Sound Bath Foundations")
    panel.get_by_role("link", name="Translate with its subpages").click()
    expect(page.get_by_label(re.compile("Include subtree"))).to_be_checked()
    page.get_by_role("button", name="Submit").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.wait_for_load_state("networkidle")
    translate_first_segment(page, "Content", "Fundamentos del baño de sonido")
    translate_first_segment(page, "Promote", "fundamentos-del-bano-de-sonido")
    page.get_by_role("button", name="Publish in Spanish").click()
    expect(page.locator(".messages")).to_contain_text(
        "Published 'Fundamentos del baño de sonido' in Spanish"
    )

    # The lessons came with the course, waiting to be published in Spanish.
    page.goto(f"{live_server.url}/admin/")
    started = page.locator("[data-translation-unpublished]")
    expect(started).to_contain_text("Tuning the Bowls")
    expect(started).to_contain_text("The Long Tone")
    for english_title, spanish_title, spanish_slug in [
        ("Tuning the Bowls", "Afinar los cuencos", "afinar-los-cuencos"),
        ("The Long Tone", "El tono largo", "el-tono-largo"),
    ]:
        page.goto(f"{live_server.url}/admin/")
        started.get_by_role("link", name=english_title).click()
        translate_first_segment(page, "Content", spanish_title)
        translate_first_segment(page, "Promote", spanish_slug)
        page.get_by_role("button", name="Publish in Spanish").click()
        expect(page.locator(".messages")).to_contain_text(
            f"Published '{spanish_title}' in Spanish"
        )

    page.goto(f"{live_server.url}/es/cursos/fundamentos-del-bano-de-sonido/")
    expect(
        page.get_by_role("heading", name="Fundamentos del baño de sonido")
    ).to_be_visible()
    expect(page.get_by_text("Afinar los cuencos").first).to_be_visible()
    expect(page.get_by_text("El tono largo").first).to_be_visible()

    # The English course gains a lesson: pending work, on the dashboard and on
    # the Spanish course's editor.
    english_course.add_child(
        instance=LessonPage(title="Closing Silence", slug="closing-silence")
    ).save_revision().publish()
    page.goto(f"{live_server.url}/admin/")
    missing = page.locator("[data-translation-missing]")
    expect(missing).to_contain_text("Closing Silence")
    expect(page.locator("[data-translation-work]")).to_contain_text(
        "1 English page is not in Spanish yet"
    )
    expect(missing.get_by_role("link", name="Translate this page")).to_be_visible()
    spanish_course = english_course.get_translation(
        Locale.objects.get(language_code="es")
    )
    page.goto(f"{live_server.url}/admin/pages/{spanish_course.pk}/edit/")
    expect(page.locator(".messages")).to_contain_text(
        "Needs translation: the English version has pages this one lacks: "
        "Closing Silence."
    )
