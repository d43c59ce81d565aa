"""Course search on PostgreSQL: language-aware, accent- and typo-tolerant, live only.

The catalog is built and published through Wagtail (tests/support/search_catalog.py);
the index is kept current by the publish/unpublish signals, never by the test.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from search import cache as search_cache
from search import fallback, postgres
from search.models import SearchDocument
from search.query import SearchParams, criteria
from tests.support import search_catalog

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(site_tree, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    cache.clear()  # Wagtail caches site root paths; rolled-back ids go stale
    with django_capture_on_commit_callbacks(execute=True):
        return search_catalog.build(site_tree)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run index updates queued for "after commit" as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def search(client, query="", language="en", **params):
    path = "/en/search/" if language == "en" else "/es/buscar/"
    response = client.get(path, {"q": query, **params})
    assert response.status_code == 200
    return response


def titles(response):
    return [result.page.title for result in response.context["results"].items]


def test_spanish_plural_finds_the_accented_singular_title(client, catalog):
    assert "Meditación para principiantes" in titles(
        search(client, "meditaciones", "es")
    )


def test_english_is_stemmed_in_english(client, catalog):
    assert "Meditation for Beginners" in titles(search(client, "meditations"))
    assert "Breathing for Calm" in titles(search(client, "breathe"))


def test_a_spanish_query_without_accents_finds_the_accented_title(client, catalog):
    found = titles(search(client, "meditacion", "es"))
    assert found[0] == "Meditación para principiantes"
    assert "Yoga suave por la mañana" in titles(search(client, "manana", "es"))


def test_a_misspelt_query_finds_the_course_and_offers_the_right_word(client, catalog):
    response = search(client, "meditaton")
    results = response.context["results"]
    assert "Meditation for Beginners" in titles(response)
    assert results.suggestion == "meditation"
    assert results.corrected_from == "meditaton"
    assert "data-suggestion>meditation<" in response.content.decode()


def test_a_spanish_misspelling_is_corrected_with_the_accented_word(client, catalog):
    results = search(client, "meditasion", "es").context["results"]
    assert results.suggestion == "meditación"
    assert [r.page.title for r in results.items][0] == "Meditación para principiantes"


def test_a_title_match_ranks_above_a_body_match(client, catalog):
    found = titles(search(client, "meditation"))
    assert found.index("Meditation for Beginners") < found.index("Gentle Yoga Mornings")


def test_matches_are_highlighted_and_the_rest_escaped(client, catalog):
    response = search(client, "qigong")
    result = response.context["results"].items[0]
    assert str(result.title_html) == "Tai &lt;Chi&gt; &amp; <mark>Qigong</mark>"
    assert "&lt;b&gt;for&lt;/b&gt;" in str(result.summary_html)
    assert "<Chi>" not in response.content.decode()


def test_spanish_search_returns_no_english_page(client, catalog):
    for query in ("gentle", "meditation", "beginners"):
        response = search(client, query, "es")
        for result in response.context["results"].items:
            assert result.page.locale.language_code == "es"
    assert titles(search(client, "principiantes", "en")) == []


def test_only_live_public_unexpired_courses_are_found(client, catalog, commit):
    found = titles(search(client, "meditation"))
    assert "Meditation Draft Secrets" not in found
    assert "Meditation Tomorrow" not in found
    assert "Meditation Until Friday" in found

    # The expiry time passes before the cron job unpublishes the page.
    past = timezone.now() - timedelta(minutes=1)
    expiring = catalog.courses["expiring"]
    Page.objects.filter(pk=expiring.pk).update(expire_at=past)
    SearchDocument.objects.filter(page_id=expiring.pk).update(expire_at=past)
    search_cache.bump()  # cached answers live a minute; this is later than that
    assert "Meditation Until Friday" not in titles(search(client, "meditation"))

    # A password-protected course disappears as soon as it is restricted.
    with commit():
        PageViewRestriction.objects.create(
            page=catalog.courses["beginners"],
            restriction_type=PageViewRestriction.PASSWORD,
            password="secret",  # noqa: S106
        )
    assert "Meditation for Beginners" not in titles(search(client, "meditation"))


def test_unpublishing_and_republishing_update_results_at_once(client, catalog, commit):
    course = catalog.courses["mornings"]
    assert "Gentle Yoga Mornings" in titles(search(client, "yoga"))  # now cached
    with commit():
        Page.objects.get(pk=course.pk).specific.unpublish()
    assert "Gentle Yoga Mornings" not in titles(search(client, "yoga"))  # not stale
    with commit():
        search_catalog.publish(course, title="Gentle Yoga Sunrises")
    assert "Gentle Yoga Sunrises" in titles(search(client, "sunrises"))


def test_a_synced_spanish_translation_is_searchable_when_published(
    client, catalog, commit
):
    with commit():
        search_catalog.publish(
            catalog.courses["mornings_es"], title="Yoga del amanecer"
        )
    assert titles(search(client, "amanecer", "es")) == ["Yoga del amanecer"]
    assert titles(search(client, "amanecer", "en")) == []


def test_paid_lesson_bodies_are_never_searchable(client, catalog):
    assert titles(search(client, "zanzibarian")) == []
    assert not SearchDocument.objects.filter(body__icontains="zanzibarian").exists()
    # A free preview's body is, and leads to its course.
    assert titles(search(client, "quokka")) == ["Breathing for Calm"]


def test_filters_narrow_the_results(client, catalog):
    assert titles(search(client, "", category="yoga")) == ["Gentle Yoga Mornings"]
    assert titles(search(client, "meditation", level="beginner")) == [
        "Meditation for Beginners"
    ]
    assert titles(search(client, "", duration="long")) == ["Breathing for Calm"]
    assert titles(search(client, "meditation", price="free")) == [
        "Meditation for Beginners"
    ]
    assert titles(search(client, "", price="paid", price_min="40", price_max="60")) == [
        "Gentle Yoga Mornings"
    ]
    by_price = titles(search(client, "", price="paid", sort="price"))
    assert by_price == ["Gentle Yoga Mornings", "Breathing for Calm"]
    # Unknown filter values are ignored, not errors.
    assert (
        search(client, "yoga", category="nope", level="x", sort="y").status_code == 200
    )


def test_results_are_paginated_twelve_to_a_page(client, catalog, commit):
    with commit():
        for number in range(14):
            search_catalog.publish(
                catalog.index.add_child(
                    instance=catalog.courses["beginners"].__class__(
                        title=f"Pranayama {number}",
                        slug=f"pranayama-{number}",
                        summary="Breath control.",
                    )
                )
            )
    first = search(client, "pranayama")
    assert first.context["results"].total == 14
    assert len(titles(first)) == 12
    assert len(titles(search(client, "pranayama", page="2"))) == 2
    assert len(titles(search(client, "pranayama", page="99"))) == 2  # last page


def test_the_empty_page_offers_popular_categories(client, catalog):
    response = search(client, "xylophone")
    body = response.content.decode()
    assert "Nothing matches your search." in body
    assert "?category=meditation" in body


def test_full_text_queries_use_the_gin_index_on_a_large_catalog(catalog):
    # 4,000 more documents (removed again: their pages do not exist), so the
    # planner faces a catalog-sized table.
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO search_searchdocument (page_id, language, translation_key,
                title, summary, body, category_slug, category_name, level,
                duration_minutes, title_norm, updated_at)
            SELECT 1000000 + n, CASE WHEN n % 2 = 0 THEN 'en' ELSE 'es' END,
                gen_random_uuid(),
                (ARRAY['Yoga', 'Pilates', 'Tai chi', 'Respiración'])[n % 4 + 1]
                    || ' ' || n, 'Summary ' || n, 'Body ' || n, '', '', 'all', 60,
                '', now()
            FROM generate_series(1, 4000) AS n
            """
        )
        cursor.execute("SELECT page_id FROM search_searchdocument")
        postgres.refresh_vectors([row[0] for row in cursor.fetchall()])
    postgres.optimize()
    plan = postgres.explain("es", "meditaciones")
    SearchDocument.objects.filter(page_id__gt=1000000).delete()
    assert "Bitmap Index Scan on search_doc_vector_es_gin" in plan


def test_autocomplete_suggests_titles_and_categories_from_two_characters(
    client, catalog
):
    reply = client.get("/api/search/autocomplete", {"q": "medi", "lang": "es"}).json()
    labels = [item["label"] for item in reply["suggestions"]]
    assert labels[0] == "Meditación"  # the category
    assert "Meditación para principiantes" in labels
    assert all(item["url"].startswith("/es/") for item in reply["suggestions"])
    assert (
        client.get("/api/search/autocomplete", {"q": "m"}).json()["suggestions"] == []
    )
    assert len(labels) <= 8


def test_autocomplete_is_limited_to_30_requests_a_minute(client, catalog):
    address = "203.0.113.77"
    statuses = [
        client.get(
            "/api/search/autocomplete", {"q": "yo"}, REMOTE_ADDR=address
        ).status_code
        for _ in range(31)
    ]
    assert statuses[:30] == [200] * 30
    refused = client.get("/api/search/autocomplete", {"q": "yo"}, REMOTE_ADDR=address)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("free", {"Meditation for Beginners"}),
        ("paid", {"Gentle Yoga Mornings", "Breathing for Calm"}),
    ],
)
def test_free_and_paid_mean_the_same_in_the_catalog_and_both_searches(
    client, catalog, kind, expected
):
    """A course without a price ("Tai <Chi> & Qigong") is neither free nor paid,
    whether the catalog page, search on PostgreSQL or search on SQLite asks."""
    listed = client.get("/en/courses/", {"price": kind}).context["courses"]
    params = SearchParams(price=kind)
    on_sqlite = fallback.search_courses(params, "en", criteria(params, "en"))
    assert {course.title for course in listed} == expected
    assert set(titles(search(client, "", price=kind))) == expected
    assert {result.page.title for result in on_sqlite.items} == expected
