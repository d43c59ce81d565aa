"""The real task queue in tests: the database backend and its own worker.

Most tests run tasks inline (mystic/settings/test.py); tests of the queue itself
use the `database_tasks` fixture (tests/conftest.py), which switches `TASKS` to
`django_tasks_db.DatabaseBackend`, and `run_worker()`, which runs the real
`manage.py db_worker` in batch mode (every ready task, then exit) in this
process, on this test's connection, so it sees rows written in the test.
The worker's `close_old_connections()` would close that connection (it is
inside the test's transaction), so it is a no-op here, as Django's test client
disconnects it from the request signals for the same reason.
"""

from unittest import mock

from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}


def run_worker():
    """Run every task that is ready now; returns how many rows finished."""
    before = DBTaskResult.objects.finished().count()
    with mock.patch(
        "django_tasks_db.management.commands.db_worker.close_old_connections"
    ):
        _worker()
    return DBTaskResult.objects.finished().count() - before


def _worker():
    call_command(
        "db_worker",
        batch=True,
        reload=False,
        startup_delay=False,
        interval=0,
        worker_id="test-worker",
        verbosity=0,
    )


def task_paths(queryset=None):
    """Dotted paths of the task rows, oldest first."""
    rows = queryset if queryset is not None else DBTaskResult.objects.all()
    return list(rows.order_by("enqueued_at").values_list("task_path", flat=True))
