"""`manage.py seed_downloads`: demo digital products (safe to run again)."""

from django.core.management.base import BaseCommand

from demo.downloads import seed_downloads


class Command(BaseCommand):
    help = "Demo downloads (an audio and a PDF) in English and Spanish, with prices."

    def handle(self, *args, **options):
        created = seed_downloads()
        self.stdout.write(
            self.style.SUCCESS(f"Demo downloads in place ({created} new).")
        )
