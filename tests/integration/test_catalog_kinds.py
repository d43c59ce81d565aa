"""The catalog's kind tabs: events and downloads beside the courses.

Courses stay the default view (every existing filter and URL unchanged); Events
lists upcoming ones soonest first, never past or cancelled ones; Downloads the
digital products; All lists courses, then events, then downloads. Spanish
visitors see Spanish titles.
"""

import re

import pytest

from tests.support import kinds_catalog

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(site_tree, private_s3):
    from django.core.cache import cache

    cache.clear()
    catalog = kinds_catalog.build(site_tree)
    cache.clear()
    return catalog


def listed(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response, [page.title for page in response.context["courses"]]


def test_the_default_catalog_still_lists_courses_only(client, shop):
    response, titles = listed(client, "/en/courses/")
    assert "Meditation for Beginners" in titles
    assert not {"Meditation Retreat", "Evening Meditation"} & set(titles)
    html = response.content.decode()
    assert 'aria-current="page">Courses<' in html
    assert 'href="/en/courses/?kind=event"' in html


def test_events_tab_lists_upcoming_events_soonest_first(client, shop):
    response, titles = listed(client, "/en/courses/", kind="event")
    assert titles == ["Meditation Morning", "Meditation Retreat"]
    html = response.content.decode()
    assert "2 events" in html and "Casa del Lago" in html
    assert "Yesterday" not in html and "Cancelled" not in html
    # Not purged when events change or end: never kept in a shared cache.
    assert "private" in response["Cache-Control"]


def test_each_tab_is_named_in_its_heading_title_and_header(client, shop):
    def heading_and_current(path, **params):
        html = client.get(path, params).content.decode()
        current = re.findall(r'<a href="[^"]*" aria-current="page">([^<]+)</a>', html)
        return re.search(r"<h1>([^<]+)</h1>", html)[1], html, current

    heading, html, current = heading_and_current("/en/courses/", kind="event")
    assert heading == "Events" and "<title>Events · Mystic Courses</title>" in html
    assert "Events" in current and "Courses" not in current
    heading, html, current = heading_and_current("/es/cursos/", kind="download")
    assert heading == "Descargas" and "Descargas" in current
    assert "Cursos" not in current
    heading, _html, current = heading_and_current("/es/cursos/", kind="all")
    assert heading == "Cursos, eventos y descargas"
    heading, _html, current = heading_and_current("/en/courses/")
    assert heading == "Courses" and "Courses" in current and "Events" not in current


def test_spanish_visitors_browse_downloads_and_events_in_spanish(client, shop):
    response, titles = listed(client, "/es/cursos/", kind="download")
    assert titles == ["Manual de yoga", "Meditación de la tarde"]  # newest first
    html = response.content.decode()
    assert "Descarga · Audio" in html and "Descarga · Libro" in html
    _response, events = listed(client, "/es/cursos/", kind="event")
    assert events == ["Mañana de meditación", "Retiro de meditación"]


def test_all_lists_courses_then_events_then_downloads(client, shop):
    _response, titles = listed(client, "/en/courses/", kind="all")
    assert titles[-4:-2] == ["Meditation Morning", "Meditation Retreat"]
    assert titles[-2:] == ["Yoga Handbook", "Evening Meditation"]
    assert "Meditation for Beginners" in titles[:-4]


def test_course_filters_list_courses_and_price_applies_to_every_kind(client, shop):
    _response, beginners = listed(client, "/en/courses/", kind="all", level="beginner")
    assert beginners == ["Meditation for Beginners"]
    _response, free_events = listed(client, "/en/courses/", kind="event", price="free")
    assert free_events == ["Meditation Morning"]
    _response, by_title = listed(client, "/en/courses/", kind="event", sort="title")
    assert by_title == ["Meditation Morning", "Meditation Retreat"]
    _response, nothing = listed(client, "/en/courses/", kind="event", level="advanced")
    assert nothing == []


def test_the_sitemap_leaves_out_past_and_cancelled_events(client, shop):
    body = client.get("/sitemap-pages.xml").content.decode()
    assert "/en/events/meditation-retreat/" in body
    assert "meditation-yesterday" not in body
    assert "meditation-cancelled" not in body


def test_switching_language_keeps_the_tab(client, shop):
    html = client.get("/es/cursos/", {"kind": "event"}).content.decode()
    assert 'href="/en/courses/?kind=event" hreflang="en"' in html
    html = client.get("/en/courses/", {"kind": "download"}).content.decode()
    assert 'href="/es/cursos/?kind=download" hreflang="es"' in html
    html = client.get("/en/courses/").content.decode()
    assert 'href="/es/cursos/" hreflang="es"' in html
