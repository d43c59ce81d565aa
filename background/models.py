"""What the scheduler enqueued, and when a worker was last seen.

`ScheduledRun` is unique per (job, slot): the row and the task it enqueues are
written in one transaction, so two schedulers running at once enqueue each slot
once (the second one's insert fails on the unique constraint and it moves on).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    job = models.CharField(_("job"), max_length=64)
    slot = models.DateTimeField(_("slot"))
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    enqueued_at = models.DateTimeField(_("enqueued"), auto_now_add=True)

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="one_run_per_slot")
        ]
        indexes = [models.Index(fields=["enqueued_at"], name="scheduled_run_recent")]

    def __str__(self):
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"


class WorkerHeartbeat(models.Model):
    """One row per worker id, touched by the `heartbeat` task it runs."""

    worker_id = models.CharField(_("worker id"), max_length=64, unique=True)
    seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return self.worker_id
