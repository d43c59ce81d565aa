"""A Spanish visitor browses the catalog, filters it, opens a course and switches
to English, landing on the same course."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.support.catalog import TEST_COURSES

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_catalog(site_tree, settings, tmp_path):
    from django.core.cache import cache

    from demo.catalog import DemoCatalog

    cache.clear()  # the flush changed page ids; drop cached site root paths
    settings.MEDIA_ROOT = str(tmp_path)
    return DemoCatalog().build(site_tree, courses=TEST_COURSES)


def test_spanish_visitor_filters_opens_course_and_switches_to_english(
    live_server, demo_catalog, page: Page
):
    page.goto(f"{live_server.url}/es/")
    page.get_by_role("navigation", name="Principal").get_by_role(
        "link", name="Cursos"
    ).click()
    expect(page).to_have_url(re.compile(r"/es/cursos/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Cursos")

    page.get_by_label("Categoría").select_option(label="Yoga")
    page.get_by_role("button", name="Mostrar cursos").click()
    expect(page).to_have_url(re.compile(r"/es/cursos/\?category=yoga"))
    results = page.locator(".course-grid")
    expect(results.get_by_role("heading", level=3)).to_have_count(1)
    expect(results).not_to_contain_text("Meditación para principiantes")

    results.get_by_role("link", name="Yoga suave por la mañana").click()
    expect(page).to_have_url(re.compile(r"/es/cursos/yoga-suave-por-la-manana/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Yoga suave por la mañana"
    )
    expect(page.locator(".lesson-item")).to_have_count(4)

    page.get_by_role("navigation", name="Idioma").get_by_role(
        "link", name="English"
    ).click()
    expect(page).to_have_url(re.compile(r"/en/courses/gentle-yoga-mornings/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gentle Yoga Mornings")
