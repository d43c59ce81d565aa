"""`/api/health` tells a load balancer whether this instance can serve."""

import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import caches
from django.test import override_settings


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def private_redis():
    """A Redis server of this test's own, so killing it disturbs nobody else."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail(
            "redis-server is required for this test (apt-get install redis-server)"
        )
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield process, f"redis://127.0.0.1:{port}/0"
    process.kill()
    process.wait()


def redis_settings(url):
    return {
        "REDIS_URL": url,
        "CACHES": {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": url,
                "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
            }
        },
    }


@pytest.mark.django_db
def test_health_reports_database_and_redis_connected(client):
    response = client.get("/api/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "healthy"
    assert body["database"] == "connected"
    assert body["redis"] == "connected"
    assert body["version"]
    assert "T" in body["timestamp"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_answers_503_within_two_seconds_when_redis_dies(client, private_redis):
    process, url = private_redis
    with override_settings(**redis_settings(url)):
        assert client.get("/api/health").json()["redis"] == "connected"
        process.kill()
        process.wait()
        started = time.monotonic()
        response = client.get("/api/health")
        elapsed = time.monotonic() - started
    caches["default"].close()
    assert response.status_code == 503
    assert response.json() == {
        **response.json(),
        "status": "unhealthy",
        "redis": "disconnected",
        "database": "connected",
    }
    assert elapsed < 2


@pytest.mark.django_db
@override_settings(REDIS_URL="")
def test_health_without_redis_configured_stays_healthy(client):
    response = client.get("/api/health")
    assert response.status_code == 200
    assert response.json()["redis"] == "not configured"


def test_health_refuses_other_methods(client):
    assert client.post("/api/health").status_code == 405
