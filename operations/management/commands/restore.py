"""`manage.py restore FILE` or `restore --from-store latest`: put a backup back,
replacing the database's contents."""

import tempfile

from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, restore_backup
from operations.offsite_backups import fetch_offsite


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` (replaces current data): a "
        "local FILE, or a copy in the object store with --from-store NAME|latest."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?")
        parser.add_argument(
            "--from-store",
            metavar="NAME",
            help="Download this copy (or 'latest') from the object store first.",
        )
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation."
        )

    def handle(self, *args, file=None, from_store=None, yes=False, **options):
        if bool(file) == bool(from_store):
            raise CommandError("Give either FILE or --from-store NAME|latest.")
        source = file or f"{from_store} from the object store"
        if not yes:
            answer = input(f"Replace the database's contents with {source}? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Restore cancelled.")
        try:
            if file:
                restore_backup(file)
                restored = file
            else:
                with tempfile.TemporaryDirectory(prefix="mystic-restore-") as tmp:
                    path = fetch_offsite(from_store, tmp)
                    self.stdout.write(f"Downloaded {path.name} from the object store.")
                    restore_backup(path)
                    restored = path.name
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {restored}"))
