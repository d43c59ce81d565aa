"""Operations' periodic work, run by the task worker (scheduled by run_scheduler)."""

import logging

from django.db import connection
from django.tasks import task

from operations import backup_job

logger = logging.getLogger(__name__)


@task()
def nightly_backup():
    """Dump, prune, copy to the object store and prune there (PostgreSQL only;
    SQLite is a file). A BackupError or a refused upload fails the task, which
    staff then see as a failed task row."""
    if connection.vendor != "postgresql":
        logger.info("nightly backup skipped: %s is not PostgreSQL", connection.vendor)
        return None
    report = backup_job.nightly_backup()
    return {
        "path": str(report.path),
        "pruned": len(report.pruned),
        "copied_as": report.copied_as,
        "pruned_offsite": len(report.pruned_offsite),
    }
