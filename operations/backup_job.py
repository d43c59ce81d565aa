"""The nightly backup as one function: dump, prune, copy off the machine, prune.

`manage.py backup` runs it, and a scheduler can call `nightly_backup()` itself.
The copy is the point of the exercise (a dump on the database's own machine dies
with it), so a failed upload raises after the local dump is safely written.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from operations.backups import create_backup, default_directory, prune_backups
from operations.offsite_backups import backup_store, copy_offsite, prune_offsite


@dataclass
class BackupReport:
    path: Path
    pruned: list = field(default_factory=list)
    copied_as: str | None = None  # None: no object store configured
    pruned_offsite: list = field(default_factory=list)


def nightly_backup(directory=None, keep_days=None, offsite_keep_days=None):
    directory = directory or default_directory()
    keep_days = settings.BACKUP_KEEP_DAYS if keep_days is None else keep_days
    if offsite_keep_days is None:
        offsite_keep_days = settings.BACKUP_OFFSITE_KEEP_DAYS
    report = BackupReport(path=create_backup(directory))
    report.pruned = prune_backups(directory, keep_days)
    if backup_store() is not None:
        report.copied_as = copy_offsite(report.path)
        report.pruned_offsite = prune_offsite(offsite_keep_days)
    return report
