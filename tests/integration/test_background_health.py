"""/api/health reports the task queue and fails when the worker is silent."""

import time
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from accounts.mail import queue_email
from background.schedule import enqueue_due
from tests.support.tasks import run_worker

pytestmark = pytest.mark.django_db


def later(minutes):
    return time_machine.travel(time.time() + minutes * 60, tick=True)


def test_health_reports_the_queue_while_the_worker_keeps_up(client, database_tasks):
    enqueue_due()
    run_worker()
    queue_email("ana@example.com", "account/email/password_changed", {})
    response = client.get("/api/health")
    assert response.status_code == 200
    queue = response.json()["queue"]
    assert queue["backend"] == "database" and queue["worker"] == "alive"
    assert queue["depth"] == 1 and 0 <= queue["oldest_waiting_seconds"] < 60
    assert queue["worker_last_seen"] <= timezone.now().isoformat()


def test_health_is_503_when_the_worker_has_never_been_seen(client, database_tasks):
    response = client.get("/api/health")
    assert response.status_code == 503
    assert response.json()["queue"]["worker"] == "silent"


def test_health_is_503_when_the_worker_falls_silent_and_work_waits(
    client, database_tasks, settings
):
    settings.WORKER_SILENT_AFTER_SECONDS = 300
    enqueue_due()
    run_worker()
    queue_email("ana@example.com", "account/email/password_changed", {})
    with later(minutes=4):
        assert client.get("/api/health").status_code == 200
    with later(minutes=6):  # no heartbeat for 6 minutes, an email waiting as long
        response = client.get("/api/health")
        assert response.status_code == 503
        body = response.json()
        assert body["status"] == "unhealthy"
        assert body["queue"]["worker"] == "silent"
        assert body["queue"]["oldest_waiting_seconds"] > 300
        # The load balancer's check keeps the web servers in: pages still work.
        web = client.get("/api/health/web")
        assert web.status_code == 200 and web.json()["status"] == "healthy"
    with later(minutes=7):
        enqueue_due()
        run_worker()  # the worker is back and catches up
        response = client.get("/api/health")
        assert response.status_code == 200
        assert response.json()["queue"]["depth"] == 0


def test_health_counts_a_deferred_task_from_when_it_became_due(client, database_tasks):
    from accounts.mail import send_email

    enqueue_due()
    run_worker()
    send_email.using(run_after=timezone.now() + timedelta(hours=1)).enqueue(0)
    queue = client.get("/api/health").json()["queue"]
    assert queue["depth"] == 0 and queue["oldest_waiting_seconds"] is None
