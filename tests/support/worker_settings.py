"""Settings of a real `db_worker` process started by a test: the test settings
with the database task queue (tests/integration/test_background_stalled.py)."""

from mystic.settings.test import *  # noqa: F403

TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}
