"""A visitor searches from the header: a plain form without JavaScript, suggestions
with it (under the site's strict CSP), and a misspelling still finds the course."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.support import search_catalog

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalog(site_tree):
    from django.core.cache import cache

    cache.clear()
    # transaction=True: the index updates run on real commits.
    return search_catalog.build(site_tree)


def test_header_search_works_without_javascript(live_server, catalog, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/")
    box = page.get_by_role("combobox", name="Search courses, events and downloads")
    box.fill("meditaton")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=meditaton"))
    expect(page.locator(".search-correction")).to_contain_text("meditation")
    expect(page.get_by_role("link", name="Meditation for Beginners")).to_be_visible()
    context.close()


def test_spanish_suggestions_appear_as_you_type(live_server, catalog, page: Page):
    errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and errors.append(message.text),
    )
    page.goto(f"{live_server.url}/es/buscar/")
    box = page.get_by_role("combobox", name="Buscar cursos, eventos y descargas")
    box.press_sequentially("medi", delay=50)
    suggestions = page.locator("#header-search-suggestions")
    expect(suggestions).to_be_visible()
    expect(
        suggestions.get_by_role("link", name="Meditación para principiantes")
    ).to_be_visible()
    suggestions.get_by_role("link", name="Meditación para principiantes").click()
    expect(page).to_have_url(re.compile(r"/es/cursos/"))
    assert not [e for e in errors if "Content Security Policy" in e]
