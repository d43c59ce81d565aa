"""The public API allows 100 requests a minute per IP, counted in Redis."""

import pytest
from django.test import override_settings

from operations.ratelimit import hit

DEAD_REDIS = {
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


@pytest.mark.urls("tests.support.api_urls")
def test_the_101st_api_request_in_a_minute_is_refused(client):
    statuses = [client.get("/api/ping").status_code for _ in range(100)]
    assert set(statuses) == {200}

    refused = client.get("/api/ping")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["error"] == "rate_limited"

    other_visitor = client.get("/api/ping", REMOTE_ADDR="203.0.113.9")
    assert other_visitor.status_code == 200


@pytest.mark.django_db
def test_health_checks_are_never_rate_limited(client):
    statuses = {client.get("/api/health").status_code for _ in range(110)}
    assert statuses == {200}


@pytest.mark.urls("tests.support.api_urls")
@override_settings(CACHES=DEAD_REDIS)
def test_reading_fails_open_when_redis_is_down(client):
    assert client.get("/api/ping").status_code == 200


@override_settings(CACHES=DEAD_REDIS)
def test_payments_and_auth_fail_closed_when_redis_is_down():
    decision = hit("checkout", "user-1", limit=10, period=3600, fail_open=False)
    assert not decision.allowed
    assert decision.retry_after > 0
