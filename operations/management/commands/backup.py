"""`manage.py backup`: a compressed, timestamped pg_dump, and old ones pruned."""

from django.core.management.base import BaseCommand, CommandError

from operations.backups import (
    BackupError,
    create_backup,
    default_directory,
    prune_backups,
)


class Command(BaseCommand):
    help = (
        "Back up the PostgreSQL database (pg_dump custom format) and prune old dumps."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=None, help="Where dumps are kept.")
        parser.add_argument(
            "--keep-days", type=int, default=14, help="Delete dumps older than this."
        )

    def handle(self, *args, dir=None, keep_days=14, **options):  # noqa: A002
        directory = dir or default_directory()
        try:
            path = create_backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        removed = prune_backups(directory, keep_days)
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path}"))
        if removed:
            self.stdout.write(
                f"Pruned {len(removed)} backup(s) older than {keep_days} days."
            )
