"""Anonymous visitors get storefront pages from Redis; edits show up at once."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from tests.support.redis_calls import RedisCalls

pytestmark = [pytest.mark.django_db]


@pytest.fixture(autouse=True)
def page_cache_on():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


def test_second_anonymous_visit_is_served_from_the_cache(client, site_tree):
    first = client.get("/en/")
    second = client.get("/en/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Request-ID"] != first["X-Request-ID"]


def test_a_cached_page_costs_one_redis_read(client, site_tree, monkeypatch):
    """Its purge generations and its copy come in one round trip."""
    redis = RedisCalls(monkeypatch)
    first, _, writes = redis.during(client, "/en/")
    assert first["X-Page-Cache"] == "miss" and writes >= 1

    for _ in range(2):
        cached, reads, writes = redis.during(client, "/en/")
        assert cached["X-Page-Cache"] == "hit"
        assert (reads, writes) == (1, 0)
        assert cached.content == first.content


def test_languages_are_cached_separately(client, site_tree):
    client.get("/en/")
    spanish = client.get("/es/")
    assert spanish["X-Page-Cache"] == "miss"
    assert '<html lang="es">' in spanish.content.decode()


def test_publishing_a_page_purges_it_and_its_translation(client, site_tree):
    client.get("/en/")
    client.get("/es/")
    site_tree.title = "Welcome home"
    site_tree.save_revision().publish()

    english = client.get("/en/")
    assert english["X-Page-Cache"] == "miss"
    assert "Welcome home" in english.content.decode()
    assert client.get("/es/")["X-Page-Cache"] == "miss"


def test_visitors_with_a_session_are_never_served_cached_pages(
    client, site_tree, django_user_model
):
    client.get("/en/")
    user = django_user_model.objects.create_user(email="l@example.com", password="x")
    client.force_login(user)
    response = client.get("/en/")
    assert "X-Page-Cache" not in response


def test_redis_down_still_serves_pages(client, site_tree):
    dead = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    with override_settings(CACHES=dead):
        response = client.get("/en/")
    assert response.status_code == 200


def test_api_and_admin_are_not_page_cached(client, site_tree):
    assert "X-Page-Cache" not in client.get("/api/health")
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_a_page_made_private_is_not_served_from_the_cache_again(client, site_tree):
    from wagtail.models import PageViewRestriction

    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"

    PageViewRestriction.objects.create(
        page=site_tree,
        restriction_type=PageViewRestriction.PASSWORD,
        password="only-for-the-retreat",
    )
    response = client.get("/en/")

    assert response.get("X-Page-Cache") != "hit"
    assert 'name="password"' in response.content.decode()
