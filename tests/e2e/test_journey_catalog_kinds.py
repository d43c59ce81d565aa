"""Courses, events and downloads side by side: a Spanish visitor searches and
filters by kind; an English visitor browses the catalog's kind tabs, then searches.

Pages are published through Wagtail with real translations, so the search index
is kept current by the publish signals; the product file lives on the moto S3
server (tests/support/s3.py). Past events never appear.
"""

import os
import re
import tempfile
from datetime import timedelta

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from events.templatetags.events_tags import event_when
from tests.support import search_catalog
from tests.support.downloads import build_download
from tests.support.events import build_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("SCREENSHOT_DIR", tempfile.gettempdir())


@pytest.fixture
def shop(site_tree, private_s3):
    from django.core.cache import cache

    cache.clear()
    catalog = search_catalog.build(site_tree)
    catalog.retreat = build_event(
        site_tree,
        "Meditation Retreat",
        title_es="Retiro de meditación",
        starts_in=timedelta(days=20),
        venue="Casa del Lago",
    )
    catalog.past = build_event(
        site_tree,
        "Meditation Last Month",
        title_es="Meditación del mes pasado",
        starts_in=-timedelta(days=30),
    )
    catalog.audio = build_download(
        site_tree, "Evening Meditation", "Meditación de la tarde", kind="audio"
    )
    cache.clear()
    return catalog


def when(event, language):
    with translation.override(language):
        return event_when(event)


def results(page):
    return page.locator(".search-result")


def test_spanish_visitor_searches_and_filters_by_kind(live_server, shop, page: Page):
    page.goto(f"{live_server.url}/es/")
    box = page.get_by_role("combobox", name="Buscar cursos, eventos y descargas")
    box.fill("meditación")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/es/buscar/\?q="))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Buscar cursos, eventos y descargas"
    )
    found = results(page)
    expect(found.filter(has_text="Meditación para principiantes")).to_contain_text(
        "Curso"
    )
    expect(found.filter(has_text="Retiro de meditación")).to_contain_text("Evento")
    expect(found.filter(has_text="Meditación de la tarde")).to_contain_text(
        "Descarga · Audio"
    )
    expect(page.get_by_text("Meditación del mes pasado")).to_have_count(0)
    page.screenshot(path=f"{SHOTS}/kinds-1-search-es.png", full_page=True)

    tabs = page.get_by_role("navigation", name="Qué mostrar")
    tabs.get_by_role("link", name="Eventos").click()
    expect(page).to_have_url(re.compile(r"kind=event"))
    expect(tabs.get_by_role("link", name="Eventos")).to_have_attribute(
        "aria-current", "page"
    )
    expect(results(page)).to_have_count(1)
    event = results(page).first
    expect(event).to_contain_text("Evento")
    expect(event.get_by_role("link", name="Retiro de meditación")).to_be_visible()
    expect(event).to_contain_text(when(shop.retreat.es, "es"))
    expect(event).to_contain_text("Casa del Lago")
    expect(page.locator(".results-count")).to_have_text("1 evento para «meditación»")
    page.screenshot(path=f"{SHOTS}/kinds-2-events-es.png", full_page=True)

    tabs.get_by_role("link", name="Descargas").click()
    expect(page).to_have_url(re.compile(r"kind=download"))
    expect(results(page)).to_have_count(1)
    expect(results(page).first).to_contain_text("Descarga · Audio")
    page.get_by_role("link", name="Meditación de la tarde").click()
    expect(page).to_have_url(re.compile(r"/es/descargas/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Meditación de la tarde")
    page.screenshot(path=f"{SHOTS}/kinds-3-download-es.png", full_page=True)

    # The header leads to events from any page, on a phone too.
    page.set_viewport_size({"width": 390, "height": 844})
    header = page.get_by_role("navigation", name="Principal")
    header.get_by_role("link", name="Eventos").click()
    expect(page).to_have_url(re.compile(r"kind=event"))
    expect(tabs.get_by_role("link", name="Eventos")).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.locator("main")).to_contain_text("Retiro de meditación")
    # The page says where the visitor is: its heading and the header's link.
    expect(page.get_by_role("heading", level=1)).to_have_text("Eventos")
    expect(header.get_by_role("link", name="Eventos")).to_have_attribute(
        "aria-current", "page"
    )
    expect(header.get_by_role("link", name="Cursos")).not_to_have_attribute(
        "aria-current", "page"
    )
    page.screenshot(path=f"{SHOTS}/kinds-6-header-events-es.png", full_page=False)


def test_english_visitor_browses_catalog_kinds_then_searches_events(
    live_server, shop, page: Page
):
    page.goto(f"{live_server.url}/en/courses/")
    tabs = page.get_by_role("navigation", name="What to show")
    expect(tabs.get_by_role("link", name="Courses")).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.get_by_role("link", name="Meditation for Beginners")).to_be_visible()
    expect(page.get_by_role("link", name="Meditation Retreat")).to_have_count(0)

    tabs.get_by_role("link", name="Events").click()
    expect(page).to_have_url(re.compile(r"/en/courses/\?kind=event"))
    expect(page.locator(".results-count")).to_have_text("1 event")
    card = page.locator(".event-card")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Event")
    expect(card).to_contain_text(when(shop.retreat.en, "en"))
    expect(page.get_by_text("Meditation Last Month")).to_have_count(0)
    page.screenshot(path=f"{SHOTS}/kinds-4-catalog-events-en.png", full_page=True)

    page.get_by_role("navigation", name="What to show").get_by_role(
        "link", name="Downloads"
    ).click()
    expect(page.locator(".download-card")).to_contain_text("Download · Audio")
    expect(page.get_by_role("link", name="Evening Meditation")).to_be_visible()

    page.goto(f"{live_server.url}/en/search/?q=meditation")
    page.get_by_role("navigation", name="What to show").get_by_role(
        "link", name="Events"
    ).click()
    expect(page).to_have_url(re.compile(r"/en/search/\?kind=event&q=meditation$"))
    expect(results(page)).to_have_count(1)
    expect(results(page).first).to_contain_text(when(shop.retreat.en, "en"))
    page.get_by_role("link", name="Meditation Retreat").click()
    expect(page).to_have_url(re.compile(r"/en/events/meditation-retreat/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Meditation Retreat")
    page.screenshot(path=f"{SHOTS}/kinds-5-event-en.png", full_page=True)
