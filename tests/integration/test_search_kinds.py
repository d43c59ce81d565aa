"""One search over courses, events and downloads, in each visitor's language.

Everything is built and published the way editors do it (Wagtail revisions,
wagtail-localize translations); the index follows through the publish signals.
"""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from search import postgres
from search.models import SearchDocument
from search.query import SearchParams, criteria
from tests.support import kinds_catalog, search_catalog
from tests.support.events import build_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(site_tree, private_s3, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        catalog = kinds_catalog.build(site_tree)
    cache.clear()
    return catalog


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def search(client, language="en", **params):
    path = "/en/search/" if language == "en" else "/es/buscar/"
    response = client.get(path, params)
    assert response.status_code == 200
    return response


def titles(response):
    return [result.page.title for result in response.context["results"].items]


def kinds(response):
    return [result.kind.key for result in response.context["results"].items]


def test_english_search_finds_courses_events_and_downloads(client, shop):
    response = search(client, q="meditation")
    found = titles(response)
    assert {"Meditation for Beginners", "Meditation Retreat", "Meditation Morning"} <= (
        set(found)
    )
    assert "Evening Meditation" in found
    assert set(kinds(response)) == {"course", "event", "download"}
    html = response.content.decode()
    assert ">Course<" in html and ">Event<" in html
    assert "Download · Audio" in html
    assert "Casa del Lago" in html  # where the event takes place
    assert "(Europe/Madrid)" in html  # when, in the event's own zone


def test_past_and_cancelled_events_are_never_found(client, shop):
    found = titles(search(client, q="meditation", kind="event"))
    assert found == ["Meditation Morning", "Meditation Retreat"]  # soonest first
    spanish = titles(search(client, "es", q="meditación", kind="event"))
    assert spanish == ["Mañana de meditación", "Retiro de meditación"]
    assert not SearchDocument.objects.filter(
        page_id__in=[shop.past.en.pk, shop.cancelled.en.pk, shop.cancelled.es.pk]
    ).exists()


def test_spanish_visitor_filters_by_kind_in_spanish(client, shop):
    response = search(client, "es", q="meditacion", kind="download")
    assert titles(response) == ["Meditación de la tarde"]
    html = response.content.decode()
    assert "Descarga · Audio" in html
    assert "1 descarga" in html
    events = search(client, "es", kind="event")
    assert titles(events) == ["Mañana de meditación", "Retiro de meditación"]
    assert "Evento" in events.content.decode()
    courses = search(client, "es", q="meditacion", kind="course")
    assert set(kinds(courses)) == {"course"}
    assert "Meditación para principiantes" in titles(courses)


def test_the_kind_stays_in_the_tabs_pagination_and_filter_form(client, shop):
    html = search(client, q="meditation", kind="event", price="paid").content.decode()
    assert 'href="/en/search/?price=paid&amp;kind=download&amp;q=meditation"' in html
    assert 'aria-current="page">Events<' in html
    assert '<input type="hidden" name="kind" value="event">' in html
    assert 'href="/en/search/?kind=event&amp;q=meditation">Clear filters<' in html
    only_kind = search(client, q="meditation", kind="event").content.decode()
    assert "Clear filters" not in only_kind  # the tabs say which kind
    params = SearchParams.parse({"q": "yoga", "kind": "event"}, [])
    assert params.as_query(page=2) == "kind=event&q=yoga&page=2"
    assert SearchParams.parse({"kind": "nonsense"}, []).kind == "all"


def test_course_filters_list_courses_and_price_applies_to_every_kind(client, shop):
    beginners = search(client, level="beginner")
    assert set(kinds(beginners)) == {"course"}
    free_events = titles(search(client, price="free", kind="event"))
    assert free_events == ["Meditation Morning"]
    paid = search(client, q="meditation", price="paid")
    assert "Meditation Retreat" in titles(paid)
    assert "Meditation Morning" not in titles(paid)


def test_search_answers_in_one_statement(shop, django_assert_num_queries):
    params = SearchParams.parse({"q": "meditation", "kind": "event"}, [])
    with django_assert_num_queries(1):
        hits, total = postgres.find(
            "en",
            "meditation",
            criteria(params, "en"),
            mode="match",
            sort=params.effective_sort,
            limit=12,
            offset=0,
        )
    assert total == 2 and {hit.kind for hit in hits} == {"event"}


def test_publishing_unpublishing_and_changes_update_the_index(client, shop, commit):
    with commit():
        shop.audio.en.unpublish()
    assert "Evening Meditation" not in titles(search(client, q="evening"))
    with commit():
        shop.audio.en.save_revision().publish()
    assert "Evening Meditation" in titles(search(client, q="evening"))
    with commit():
        search_catalog.publish(shop.retreat.en, title="Silence Retreat")
    assert titles(search(client, q="silence")) == ["Silence Retreat"]
    with commit():
        search_catalog.publish(shop.retreat.es, cancelled_at=timezone.now())
    assert titles(search(client, "es", q="retiro", kind="event")) == []
    new = None
    with commit():
        new = build_event(
            shop.index.get_parent(),
            "Sound Bath",
            title_es="Baño de sonido",
            starts_in=timedelta(days=3),
        )
    assert titles(search(client, "es", q="sonido")) == ["Baño de sonido"]
    assert new.es.pk in set(SearchDocument.objects.values_list("page_id", flat=True))


def test_an_event_that_ends_drops_out_without_any_publish(client, shop, commit):
    with commit():
        build_event(
            shop.index.get_parent(),
            "Ending Circle",
            starts_in=-timedelta(hours=1),
            ends_at=timezone.now() + timedelta(seconds=2),
        )
    assert titles(search(client, q="circle")) == ["Ending Circle"]
    time.sleep(2.5)
    from django.core.cache import cache

    cache.clear()  # the 60-second answer cache; no index change happened
    assert titles(search(client, q="circle")) == []


@pytest.mark.django_db(transaction=True)  # CLUSTER needs no pending triggers
def test_rebuild_command_indexes_every_listable_kind(shop):
    SearchDocument.objects.all().delete()
    call_command("index_courses", verbosity=0)
    by_kind = {
        kind: set(
            SearchDocument.objects.filter(kind=kind).values_list("page_id", flat=True)
        )
        for kind in ("course", "event", "download")
    }
    assert {shop.retreat.en.pk, shop.retreat.es.pk, shop.morning.es.pk} <= (
        by_kind["event"]
    )
    assert shop.past.en.pk not in by_kind["event"]
    assert shop.cancelled.es.pk not in by_kind["event"]
    downloads = (shop.audio, shop.ebook)
    assert {page.pk for d in downloads for page in (d.en, d.es)} == by_kind["download"]
    assert shop.courses["beginners"].pk in by_kind["course"]


def test_autocomplete_suggests_events_and_downloads_with_their_kind(client, shop):
    reply = client.get("/api/search/autocomplete", {"lang": "es", "q": "retiro"})
    suggestions = reply.json()["suggestions"]
    assert suggestions[0]["label"] == "Retiro de meditación"
    assert suggestions[0]["kind_label"] == "Evento"
    assert suggestions[0]["url"].startswith("/es/eventos/")


def test_a_restricted_event_leaves_search(client, shop, commit):
    from wagtail.models import PageViewRestriction

    with commit():
        PageViewRestriction.objects.create(
            page=Page.objects.get(pk=shop.morning.en.pk),
            restriction_type=PageViewRestriction.LOGIN,
        )
    assert "Meditation Morning" not in titles(search(client, q="meditation"))


def test_the_sqlite_fallback_lists_the_kind_asked_for(shop):
    """Development's fallback (run here on PostgreSQL: it is plain ORM) answers
    a kind filter with that kind's listable pages, soonest events first."""
    from search import fallback

    params = SearchParams.parse({"kind": "event"}, [])
    results = fallback.search_courses(params, "es", criteria(params, "es"))
    assert [r.page.title for r in results.items] == [
        "Mañana de meditación",
        "Retiro de meditación",
    ]
    assert {r.kind.key for r in results.items} == {"event"}
    params = SearchParams.parse({"kind": "download", "q": "tarde"}, [])
    results = fallback.search_courses(params, "es", criteria(params, "es"))
    assert [r.page.title for r in results.items] == ["Meditación de la tarde"]
