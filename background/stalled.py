"""Tasks whose worker died under them.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at
it again, so a worker killed mid-task (SIGKILL, out of memory, a lost machine)
leaves its row RUNNING for ever: nobody is told, and the admin says "running".
A task still running `TASK_STALLED_AFTER_SECONDS` after it started (longer than
any of ours takes) is taken for abandoned: marked failed with `WorkerLost`
naming the worker, and logged as an error (Sentry sees it).

It is not run again by itself: a task such as a refund must not run twice
blindly. The periodic sweeps redo their own kind of work (overdue emails,
reminders, lapsed offers, the next backup); the rest is for an operator.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

log = logging.getLogger(__name__)


class WorkerLost(Exception):
    """The worker running a task stopped before recording its outcome."""


def stalled(now=None):
    """Tasks still RUNNING longer after they started than any task should."""
    limit = timedelta(seconds=settings.TASK_STALLED_AFTER_SECONDS)
    return DBTaskResult.objects.running().filter(
        started_at__lt=(now or timezone.now()) - limit
    )


def fail_stalled(now=None):
    """Mark every stalled task failed (`WorkerLost`); returns how many."""
    failed = 0
    with transaction.atomic():
        for result in stalled(now).select_for_update(skip_locked=True):
            worker = result.worker_ids[-1] if result.worker_ids else "unknown"
            result.set_failed(
                WorkerLost(
                    f"worker {worker} stopped while running this task "
                    f"(started {result.started_at:%Y-%m-%d %H:%M:%S %Z}); "
                    "it was not run again"
                )
            )
            log.error(
                "Task %s (%s) abandoned by worker %s: marked failed",
                result.id,
                result.task_path,
                worker,
            )
            failed += 1
    return failed
