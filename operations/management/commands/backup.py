"""`manage.py backup`: a compressed, timestamped pg_dump, a copy in the object
store, and old ones pruned in both places (operations/backup_job.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backup_job import nightly_backup
from operations.backups import BackupError


class Command(BaseCommand):
    help = (
        "Back up the PostgreSQL database (pg_dump custom format), copy the dump to "
        "the object store when one is configured, and prune old dumps and copies."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=None, help="Where dumps are kept.")
        parser.add_argument(
            "--keep-days",
            type=int,
            default=None,
            help="Delete local dumps older than this (BACKUP_KEEP_DAYS, 14).",
        )
        parser.add_argument(
            "--offsite-keep-days",
            type=int,
            default=None,
            help="Delete copies in the object store older than this "
            "(BACKUP_OFFSITE_KEEP_DAYS, 30).",
        )

    def handle(self, *args, dir=None, keep_days=None, offsite_keep_days=None, **_):  # noqa: A002
        try:
            report = nightly_backup(dir, keep_days, offsite_keep_days)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written: {report.path}"))
        if report.pruned:
            self.stdout.write(f"Pruned {len(report.pruned)} local backup(s).")
        if report.copied_as is None:
            self.stdout.write(
                self.style.WARNING(
                    "No object store configured (S3_BUCKET): the dump stays on "
                    "this machine only."
                )
            )
            return
        self.stdout.write(f"Copied to the object store as backups/{report.copied_as}.")
        if report.pruned_offsite:
            days = offsite_keep_days or settings.BACKUP_OFFSITE_KEEP_DAYS
            self.stdout.write(
                f"Pruned {len(report.pruned_offsite)} stored copies older than "
                f"{days} days."
            )
