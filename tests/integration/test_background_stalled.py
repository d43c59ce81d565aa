"""A worker killed in the middle of a task: the task does not stay "running"
for ever. After TASK_STALLED_AFTER_SECONDS the `stalled_tasks` job marks it
failed, naming the worker, and says so in the log; /api/health counts it until
then. A task that is merely slow is left alone."""

import logging
import os
import signal
import subprocess
import sys
import time

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background.jobs import fail_stalled_tasks
from tests.support.app_servers import ROOT, database_url
from tests.support.slow_tasks import take_a_while
from tests.support.tasks import DATABASE_TASKS

pytestmark = pytest.mark.django_db(transaction=True)


def start_worker(worker_id):
    """A real task worker on the test database, in its own process."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.support.worker_settings",
        "DATABASE_URL": database_url(),
    }
    command = [sys.executable, "manage.py", "db_worker", "--worker-id", worker_id]
    return subprocess.Popen(  # noqa: S603
        [*command, "--interval", "0.1", "--no-startup-delay", "--no-reload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


@override_settings(TASKS=DATABASE_TASKS, TASK_STALLED_AFTER_SECONDS=3600)
def test_a_task_whose_worker_was_killed_is_marked_failed(client, caplog):
    slow = take_a_while.enqueue(600)
    worker = start_worker("doomed-worker")
    try:
        row = DBTaskResult.objects.filter(pk=slow.id)
        wait_for(lambda: row.get().status == "RUNNING")
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=20)
    assert row.get().status == "RUNNING"  # nobody else will ever change it

    queue = client.get("/api/health").json()["queue"]
    assert queue["running"] == 1 and queue["stalled"] == 0

    # Within the hour it may just be slow: left alone.
    assert fail_stalled_tasks.call() == 0
    assert row.get().status == "RUNNING"

    # An hour on (the limit at 0 stands for the hour having passed):
    with override_settings(TASK_STALLED_AFTER_SECONDS=0):
        queue = client.get("/api/health").json()["queue"]
        assert queue["stalled"] == 1
        with caplog.at_level(logging.ERROR, logger="background.stalled"):
            assert fail_stalled_tasks.call() == 1
    failed = row.get()
    assert failed.status == "FAILED" and failed.finished_at <= timezone.now()
    assert failed.exception_class_path == "background.stalled.WorkerLost"
    assert "doomed-worker stopped while running this task" in failed.traceback
    assert "take_a_while" in caplog.text and "doomed-worker" in caplog.text
    assert client.get("/api/health").json()["queue"]["stalled"] == 0
