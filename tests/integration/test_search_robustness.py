"""No query string can break search: every answer is a 200 or a 400, never a 500.

Hypothesis throws empty strings, 10,000 characters, SQL fragments, tsquery
operators, emoji and raw (invalid UTF-8) bytes at both endpoints, on the real
PostgreSQL index.
"""

import itertools
from urllib.parse import quote, quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import fallback, query
from search.backends import search_courses
from tests.support import search_catalog

pytestmark = pytest.mark.django_db

NASTY = [
    "",
    " ",
    "x" * 10_000,
    "'; DROP TABLE search_searchdocument; --",
    "&|!:*()",
    "a & | b",
    "!!!",
    "(meditation",
    "meditation:*",
    '"unterminated phrase',
    "-",
    "or",
    "\x00",
    "%",
    "_",
    "\\",
    "🧘‍♀️ yoga 🌙",
    "ñandú café",
    "\u202e\u200b",
]
FIELDS = [
    "q",
    "category",
    "level",
    "duration",
    "price",
    "price_min",
    "price_max",
    "sort",
    "page",
    "lang",
]
addresses = (f"198.51.{a}.{b}" for a, b in itertools.product(range(256), repeat=2))


@pytest.fixture
def catalog(site_tree, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        return search_catalog.build(site_tree)


def query_string(pairs):
    parts = []
    for name, value in pairs:
        encoded = quote_from_bytes(value) if isinstance(value, bytes) else quote(value)
        parts.append(f"{name}={encoded}")
    return "&".join(parts)


values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=300),
    st.binary(max_size=60),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(alphabet="&|!:*()'\"-<>%_\\ ", max_size=40),
)
pairs = st.lists(st.tuples(st.sampled_from(FIELDS), values), max_size=6)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(pairs=pairs, path=st.sampled_from(["/en/search/", "/es/buscar/"]))
def test_any_query_string_answers_the_search_page(client, catalog, pairs, path):
    response = client.generic("GET", f"{path}?{query_string(pairs)}")
    assert response.status_code in (200, 400)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(pairs=pairs)
def test_any_query_string_answers_autocomplete(client, catalog, pairs):
    response = client.generic(
        "GET",
        f"/api/search/autocomplete?{query_string(pairs)}",
        REMOTE_ADDR=next(addresses),  # stay under the 30-a-minute limit
    )
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert len(response.json()["suggestions"]) <= 8


@pytest.mark.parametrize("text", NASTY)
def test_nasty_queries_through_every_search_mode(catalog, text):
    """Full text, typo correction and the trigram fallback all accept the text."""
    params = query.SearchParams(q=query.clean_text(text))
    for language in ("en", "es"):
        results = search_courses(params, language, query.criteria(params, language))
        assert results.total >= 0


def test_wagtail_backend_fallback_finds_and_filters(catalog):
    """The SQLite path (Wagtail's database backend) answers with the same shape."""
    params = query.SearchParams(q="meditation", level="beginner")
    results = fallback.search_courses(params, "en", query.criteria(params, "en"))
    assert [r.page.title for r in results.items] == ["Meditation for Beginners"]
    params = query.SearchParams(price="paid", sort="price")
    results = fallback.search_courses(params, "en", query.criteria(params, "en"))
    assert [r.page.title for r in results.items] == [
        "Gentle Yoga Mornings",
        "Breathing for Calm",
    ]
    assert fallback.autocomplete_titles("es", ["medit"]) != []
