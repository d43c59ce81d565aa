"""Which slot of each periodic job is due, and enqueueing it exactly once.

`settings.SCHEDULED_JOBS` maps a job name to a task's dotted path and either
`every` (seconds; slots aligned on the epoch) or `at` ("HH:MM" daily, in
`TIME_ZONE`). Each tick enqueues the latest slot of each job that has not been
enqueued yet, so a scheduler that was down catches up once, not once per missed
slot.
"""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from background.models import ScheduledRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    task_path: str
    every: int | None = None
    at: time | None = None

    def slot(self, now):
        """The start of the latest slot at or before `now` (aware datetime)."""
        if self.every:
            start = int(now.timestamp()) // self.every * self.every
            return datetime.fromtimestamp(start, UTC)
        local = timezone.localtime(now)
        today = timezone.make_aware(
            datetime.combine(local.date(), self.at), local.tzinfo
        )
        return today if today <= local else today - timedelta(days=1)


def jobs():
    configured = []
    for name, spec in settings.SCHEDULED_JOBS.items():
        at = spec.get("at")
        configured.append(
            Job(
                name=name,
                task_path=spec["task"],
                every=spec.get("every"),
                at=time.fromisoformat(at) if at else None,
            )
        )
    return configured


def enqueue_due(now=None):
    """Enqueue every job whose current slot is new; returns the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for job in jobs():
        slot = job.slot(now)
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, slot=slot)
                result = import_string(job.task_path).enqueue()
                run.task_id = str(result.id)
                run.save(update_fields=["task_id"])
        except IntegrityError:
            continue  # this slot was enqueued already (maybe by another scheduler)
        logger.info("scheduled %s for %s", job.name, slot.isoformat())
        enqueued.append(job.name)
    return enqueued


def forget_runs_before(cutoff):
    deleted, _ = ScheduledRun.objects.filter(enqueued_at__lt=cutoff).delete()
    return deleted
