"""How the task queue is doing, for /api/health and operators.

Depth counts tasks ready to run now; the oldest waiting task is the ready task
that became runnable longest ago; the heartbeat is the latest `heartbeat` task a
worker ran (the scheduler enqueues one a minute). Silence longer than
`WORKER_SILENT_AFTER_SECONDS`, or a ready task older than that, is unhealthy.
Running and stalled tasks are reported, not judged: the `stalled_tasks` job
fails the stalled ones (background/stalled.py).
"""

from django.conf import settings
from django.db.models import Case, F, Max, Min, When
from django.db.models.functions import Greatest
from django.tasks import task_backends
from django.utils import timezone
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from background.models import ScheduledRun, WorkerHeartbeat
from background.stalled import stalled


def _seconds_since(moment, now):
    return None if moment is None else round((now - moment).total_seconds(), 1)


def queue_status(now=None):
    """A dict for the health view; `healthy` says whether work is being done."""
    if not isinstance(task_backends["default"], DatabaseBackend):
        return {"backend": "inline", "healthy": True}
    now = now or timezone.now()
    ready = DBTaskResult.objects.ready()
    # A task deferred with run_after waits from then; an undeferred one stores a
    # far-future sentinel there and waits from when it was enqueued.
    since = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")),
        default=Greatest("run_after", "enqueued_at"),
    )
    oldest = ready.aggregate(at=Min(since))["at"]
    beat = WorkerHeartbeat.objects.aggregate(at=Max("seen_at"))["at"]
    scheduled = ScheduledRun.objects.aggregate(at=Max("enqueued_at"))["at"]
    limit = settings.WORKER_SILENT_AFTER_SECONDS
    waiting = _seconds_since(oldest, now)
    silent = _seconds_since(beat, now)
    worker_ok = silent is not None and silent <= limit
    queue_ok = waiting is None or waiting <= limit
    return {
        "backend": "database",
        "depth": ready.count(),
        "running": DBTaskResult.objects.running().count(),
        # Running past TASK_STALLED_AFTER_SECONDS: their worker died; the
        # `stalled_tasks` job marks them failed.
        "stalled": stalled(now).count(),
        "oldest_waiting_seconds": waiting,
        "worker_last_seen": beat.isoformat() if beat else None,
        "worker": "alive" if worker_ok else "silent",
        "scheduler_last_enqueued": scheduled.isoformat() if scheduled else None,
        "healthy": worker_ok and queue_ok,
    }
