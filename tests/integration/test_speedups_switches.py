"""Every speed-up can be switched off, and the site answers the same without them.

A Wagtail upgrade is tested with all of them off first (speedups/apps.py): these
tests hold that the switches really switch (the work they save comes back) and
that visitors see the same pages either way, in both languages.
"""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.support.catalog import module_catalog_fixture

pytestmark = pytest.mark.django_db

catalog = module_catalog_fixture()

ALL_OFF = {
    "SPEEDUPS_ROUTER": False,
    "SPEEDUPS_LOCALE_MEMO": False,
    "SPEEDUPS_SITE_MEMO": False,
    "RENDER_CACHE_SECONDS": 0,
    "PAGE_CACHE_SECONDS": 0,
}
PAGES = [
    "/en/",
    "/es/",
    "/en/courses/",
    "/es/cursos/",
    "/en/courses/meditation-for-beginners/",
    "/es/cursos/meditacion-para-principiantes/",
    "/en/courses/meditation-for-beginners/01-why-meditate/",
    "/es/cursos/meditacion-para-principiantes/01-por-que-meditar/",
]


def what_a_visitor_sees(client, url):
    response = client.get(url)
    html = response.content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()
    links = sorted(set(re.findall(r'<a [^>]*href="(/[^"]*)"', html)))
    return response.status_code, title, heading, links


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("url", PAGES)
def test_with_every_speed_up_off_visitors_see_the_same_page(client, catalog, url):
    with_speedups = what_a_visitor_sees(client, url)
    with override_settings(**ALL_OFF):
        without = what_a_visitor_sees(client, url)
    assert with_speedups[0] == 200
    assert without == with_speedups


def test_unknown_pages_are_404_with_the_router_off(client, catalog):
    with override_settings(SPEEDUPS_ROUTER=False):
        assert client.get("/en/courses/no-such-course/").status_code == 404
        assert client.get("/es/cursos/meditation-for-beginners/").status_code == 404


def test_the_router_switched_off_walks_the_tree_level_by_level(client, catalog):
    url = PAGES[6]
    queries(client, url)  # warm the memories
    with_router = queries(client, url)
    with override_settings(SPEEDUPS_ROUTER=False):
        walking = queries(client, url)
    assert len(walking) > len(with_router)


def test_the_memories_switched_off_ask_the_database_for_locale_and_site(
    client, catalog
):
    url = PAGES[4]
    queries(client, url)
    remembered = queries(client, url)
    assert not any('FROM "wagtailcore_site"' in sql for sql in remembered)
    with override_settings(SPEEDUPS_LOCALE_MEMO=False, SPEEDUPS_SITE_MEMO=False):
        asked = queries(client, url)
    assert any('FROM "wagtailcore_site"' in sql for sql in asked)
    assert any('FROM "wagtailcore_locale"' in sql for sql in asked)
