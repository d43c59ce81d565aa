"""`manage.py restore FILE`: put a backup back, replacing the database's contents."""

from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` (replaces current data)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation."
        )

    def handle(self, *args, file, yes=False, **options):
        if not yes:
            answer = input(f"Replace the database's contents with {file}? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Restore cancelled.")
        try:
            restore_backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {file}"))
