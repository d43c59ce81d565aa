"""Which Site serves a host, remembered per process (speedups/site_memo.py).

Operators notice two things: a page view no longer asks the database which site
it belongs to, and a change to a Site in the admin applies at once.
"""

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.support.catalog import module_catalog_fixture

pytestmark = pytest.mark.django_db

catalog = module_catalog_fixture()

COURSE = "/en/courses/meditation-for-beginners/"


def site_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return [q["sql"] for q in queries if 'FROM "wagtailcore_site"' in q["sql"]]


def test_a_second_page_view_does_not_ask_which_site_it_is(catalog):
    client = Client()
    site_queries(client, COURSE)  # the first view of this process remembers it

    assert site_queries(client, COURSE) == []
    assert site_queries(client, "/es/") == []


def test_every_request_gets_its_own_site_object(catalog):
    first = Site.find_for_request(RequestFactory().get("/en/"))
    first.site_name = "changed in one request only"
    second = Site.find_for_request(RequestFactory().get("/en/"))

    assert second is not first
    assert second.site_name != "changed in one request only"
    assert second.root_page is not first.root_page


def test_a_site_saved_in_the_admin_applies_to_the_next_request(catalog):
    Site.find_for_request(RequestFactory().get("/en/"))  # remembered
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Mystic Courses (renamed)"
    site.save()

    found = Site.find_for_request(RequestFactory().get("/en/"))

    assert found.site_name == "Mystic Courses (renamed)"


def test_an_unknown_host_still_falls_back_to_the_default_site(catalog):
    found = Site.find_for_request(RequestFactory().get("/en/", HTTP_HOST="elsewhere"))

    assert found is not None and found.is_default_site


def test_the_home_page_is_fresh_even_when_a_worker_remembers_an_older_site(catalog):
    from home.models import HomePage
    from speedups import site_memo

    client = Client()
    assert client.get("/en/").status_code == 200  # this worker remembers the site
    remembered_before = dict(site_memo._remembered)
    home = HomePage.objects.get(locale__language_code="en")
    home.seo_title = "A title published elsewhere"  # a field of the base row
    home.save_revision().publish()
    # As another gunicorn worker would: it still holds the site (and the root
    # page row that comes with it) from before the publish.
    site_memo._remembered.update(remembered_before)

    html = client.get("/en/").content.decode()

    assert "<title>A title published elsewhere" in html
