"""Periodic jobs that belong to no app: heartbeat, scheduled publishing, pruning,
abandoned tasks."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.tasks import task
from django.utils import timezone

from background.models import WorkerHeartbeat
from background.schedule import forget_runs_before
from background.stalled import fail_stalled

logger = logging.getLogger(__name__)


@task(priority=100, takes_context=True)  # ahead of any backlog: it measures the worker
def heartbeat(context):
    """Record that this worker is alive (/api/health); enqueued each minute."""
    worker_ids = context.task_result.worker_ids
    worker_id = worker_ids[-1] if worker_ids else "inline"
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"seen_at": timezone.now()}
    )
    return worker_id


@task()
def publish_scheduled():
    """Wagtail's scheduled publishing (pages whose go_live_at or expire_at passed)."""
    call_command("publish_scheduled", verbosity=0)


@task()
def fail_stalled_tasks():
    """Tasks a dead worker left "running" are marked failed (background/stalled.py)."""
    return fail_stalled()


@task()
def prune_task_results():
    """Keep the task table small: delete finished rows after the retention."""
    days = settings.TASK_RESULT_RETENTION_DAYS
    call_command(
        "prune_db_task_results",
        min_age_days=days,
        failed_min_age_days=max(days, 30),
        queue_name="*",
        verbosity=0,
    )
    cutoff = timezone.now() - timedelta(days=max(days, 30))
    forget_runs_before(cutoff)
    WorkerHeartbeat.objects.filter(seen_at__lt=cutoff).delete()
