"""Marketing, who may not edit, previews a course inside the page editor in every
mode and size, then shares it by a link that works until revoked; in English
and in Spanish. Storefront pages still refuse to be framed by other sites."""

import importlib
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests.support.commerce import PASSWORD, build_course, make_learner

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PREVIEW_FRAME = "iframe#w-preview-iframe"  # Wagtail swaps in a new one on reload
SIZES = ["mobile", "tablet", "desktop"]
SIGN_OUT = {"en": "Sign out", "es": "Cerrar sesión"}
GONE = {"en": "This share link no longer works", "es": "Este enlace ya no funciona"}
BANNER = {"en": "Draft preview — not published", "es": "Vista previa del borrador"}


def editorial_groups():
    """The groups as the data migrations make them (a transactional test's
    flush empties the tables the migrations filled)."""
    for module, function in [
        ("0002_editorial_groups_and_editor_review", "create_groups_and_workflow"),
        ("0004_marketing_reads_drafts_and_shop_staff", "grant"),
    ]:
        migration = importlib.import_module(f"cms.publishing.migrations.{module}")
        getattr(migration, function)(apps, None)


@pytest.fixture
def marketing_course(live_server, site_tree):
    from django.core.cache import cache

    cache.clear()
    course = build_course(site_tree, title="Breathing Basics")
    editorial_groups()
    marketer = make_learner(email="mara@example.com")
    marketer.groups.add(Group.objects.get(name="Marketing"))
    return course


def sign_in_to_admin(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.locator("input[name=username]").fill("mara@example.com")
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="Share drafts")).to_be_visible()


def preview_in_every_mode_and_size(page, course_page, language):
    page.goto(page.url.split("/admin/")[0] + f"/admin/pages/{course_page.pk}/edit/")
    expect(page.get_by_text("Read-only.")).to_be_visible()
    page.locator('[data-side-panel-toggle="preview"]').first.click()
    frame = page.frame_locator(PREVIEW_FRAME)
    for mode in ["", "anonymous", "enrolled"]:
        page.select_option("#id_preview_mode", mode)
        for size in SIZES:
            page.locator(f"input[name=preview-size][value={size}]").check(force=True)
            expect(page.locator(f"{PREVIEW_FRAME}")).to_be_visible()
            expect(frame.get_by_role("heading", level=1)).to_have_text(
                course_page.title
            )
        paid_lesson = frame.locator(
            ".lesson-item", has_text=re.compile("Práctica|Deep")
        )
        if mode == "anonymous":
            expect(paid_lesson.locator(".lock")).to_be_visible()
            expect(frame.get_by_text(SIGN_OUT[language])).to_have_count(0)
        elif mode == "enrolled":
            expect(paid_lesson.locator(".lock")).to_have_count(0)
            expect(frame.get_by_text(SIGN_OUT[language])).to_be_visible()


@pytest.mark.parametrize("language", ["en", "es"])
def test_marketing_previews_a_course_in_every_mode_and_shares_it(
    live_server, marketing_course, browser, no_server_errors, language
):
    course_page = getattr(marketing_course, language)
    context = browser.new_context(
        viewport={"width": 1400, "height": 900},
        permissions=["clipboard-read", "clipboard-write"],
    )
    try:
        page = no_server_errors.watch(context.new_page())
        sign_in_to_admin(page, live_server.url)
        preview_in_every_mode_and_size(page, course_page, language)

        page.goto(f"{live_server.url}/admin/share-links/pages/{course_page.pk}/")
        expect(page.get_by_role("heading", level=1)).to_contain_text(course_page.title)
        page.get_by_label("Link works for").select_option(label="1 day")
        page.get_by_role("button", name="Create a share link").click()
        link_field = page.locator("[data-share-url]")
        share_url = link_field.input_value()
        assert f"/{language}/share/" in share_url
        page.get_by_role("button", name="Copy").click()
        expect(page.get_by_text("Link copied.")).to_be_visible()
        assert page.evaluate("navigator.clipboard.readText()") == share_url
        expect(page.locator("#share-links tbody tr")).to_have_count(1)
        expect(page.locator("#share-links tbody tr")).to_contain_text("Active")

        guest = browser.new_context()
        try:
            reader = no_server_errors.watch(guest.new_page())
            reader.goto(share_url)
            expect(reader.get_by_role("heading", level=1)).to_have_text(
                course_page.title
            )
            expect(reader.get_by_text(BANNER[language])).to_be_visible()

            page.get_by_role("button", name="Revoke").click()
            expect(page.locator("#share-links tbody tr")).to_contain_text("Revoked")

            response = reader.goto(share_url)
            assert response.status == 410
            expect(reader.get_by_role("heading", level=1)).to_have_text(GONE[language])
        finally:
            guest.close()
    finally:
        context.close()


def test_storefront_pages_refuse_to_be_framed_by_other_sites(
    live_server, marketing_course, page, no_server_errors
):
    response = no_server_errors.watch(page).goto(
        f"{live_server.url}{marketing_course.en.url}"
    )
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


@pytest.fixture
def marketing_event(live_server, site_tree):
    """A live event with a newer draft (its summary rewritten), and Marketing."""
    from django.core.cache import cache
    from wagtail.models import Page as WagtailPage

    from tests.support.events import build_event

    cache.clear()
    event = build_event(site_tree, "Silent Retreat")
    for page in (event.en, event.es):
        draft = WagtailPage.objects.get(pk=page.pk).specific
        draft.summary = f"New draft words ({page.locale.language_code})."
        draft.save_revision()
    editorial_groups()
    marketer = make_learner(email="mara@example.com")
    marketer.groups.add(Group.objects.get(name="Marketing"))
    return event


@pytest.mark.parametrize("language", ["en", "es"])
def test_marketing_previews_an_event_draft_as_a_visitor_and_shares_it(
    live_server, marketing_event, browser, no_server_errors, language
):
    event_page = getattr(marketing_event, language)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = no_server_errors.watch(context.new_page())
        sign_in_to_admin(page, live_server.url)
        page.goto(f"{live_server.url}/admin/pages/{event_page.pk}/edit/")
        expect(page.get_by_text("Read-only.")).to_be_visible()
        page.locator('[data-side-panel-toggle="preview"]').first.click()
        frame = page.frame_locator(PREVIEW_FRAME)
        for mode, signed_in in (("", True), ("anonymous", False)):
            page.select_option("#id_preview_mode", mode)
            expect(frame.get_by_role("heading", level=1)).to_have_text(event_page.title)
            expect(frame.get_by_text(f"New draft words ({language}).")).to_be_visible()
            expect(frame.get_by_text(SIGN_OUT[language])).to_have_count(
                1 if signed_in else 0
            )
        page.screenshot(path=f"var/e2e-marketing-event-preview-{language}.png")

        page.goto(f"{live_server.url}/admin/share-links/pages/{event_page.pk}/")
        page.get_by_role("button", name="Create a share link").click()
        share_url = page.locator("[data-share-url]").input_value()
        assert f"/{language}/share/" in share_url
        guest = browser.new_context()
        try:
            reader = no_server_errors.watch(guest.new_page())
            response = reader.goto(share_url)
            assert response.headers["cache-control"] == "private, no-store"
            expect(reader.get_by_role("heading", level=1)).to_have_text(
                event_page.title
            )
            expect(reader.get_by_text(f"New draft words ({language}).")).to_be_visible()
            expect(reader.get_by_text(BANNER[language])).to_be_visible()
            reader.screenshot(path=f"var/e2e-marketing-event-share-{language}.png")
        finally:
            guest.close()
    finally:
        context.close()
