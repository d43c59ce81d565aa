"""Operations' periodic work, run by the task worker (scheduled by run_scheduler)."""

import logging

from django.conf import settings
from django.db import connection
from django.tasks import task

from operations.backups import create_backup, default_directory, prune_backups

logger = logging.getLogger(__name__)

BACKUP_KEEP_DAYS = 14


@task()
def nightly_backup():
    """pg_dump to BACKUP_DIR and prune old dumps (PostgreSQL only; SQLite is a file)."""
    if connection.vendor != "postgresql":
        logger.info("nightly backup skipped: %s is not PostgreSQL", connection.vendor)
        return None
    directory = default_directory()
    path = create_backup(directory)  # BackupError fails the task (visible in admin)
    keep_days = getattr(settings, "BACKUP_KEEP_DAYS", BACKUP_KEEP_DAYS)
    removed = prune_backups(directory, keep_days)
    return {"path": str(path), "pruned": len(removed)}
