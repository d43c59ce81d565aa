"""Plain rules of the storefront: filter parsing, video addresses, durations."""

import pytest
from django.http import QueryDict
from django.utils import translation

from cms.catalog import CatalogFilters, parse_filters
from cms.templatetags.catalog_tags import duration, page_query
from cms.video import embed_url


def test_unknown_filter_values_are_dropped_not_errors():
    params = QueryDict("category=yoga&level=guru&duration=forever&sort=hack&price=free")
    filters = parse_filters(params, {"yoga", "meditation"})
    assert filters.category == "yoga"
    assert filters.level == ""
    assert filters.duration == ""
    assert filters.sort == "newest"


def test_filter_query_string_leaves_defaults_out():
    assert CatalogFilters().as_query() == ""
    query = CatalogFilters(category="yoga", sort="title").as_query()
    assert query == "category=yoga&sort=title"
    assert page_query(query, 2) == "?category=yoga&sort=title&page=2"
    assert page_query("", 1) == "?"


@pytest.mark.parametrize(
    ("url", "player"),
    [
        (
            "https://www.youtube.com/watch?v=inpok4MKVLM",
            "https://www.youtube-nocookie.com/embed/inpok4MKVLM",
        ),
        (
            "https://youtu.be/inpok4MKVLM",
            "https://www.youtube-nocookie.com/embed/inpok4MKVLM",
        ),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("javascript:alert(1)", None),
        ("https://example.com/watch?v=inpok4MKVLM", None),
        ("", None),
    ],
)
def test_video_addresses_become_privacy_friendly_players(url, player):
    assert embed_url(url) == player


def test_durations_read_naturally_in_both_languages():
    with translation.override("en"):
        assert duration(45) == "45 minutes"
        assert duration(60) == "1 hour"
        assert duration(95) == "1 h 35 min"
        assert duration(0) == ""
    with translation.override("es"):
        assert duration(45) == "45 minutos"
        assert duration(120) == "2 horas"
