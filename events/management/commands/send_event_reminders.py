"""`manage.py send_event_reminders`: remind attendees a day before (cron)."""

from django.core.management.base import BaseCommand

from events.reminders import send_due


class Command(BaseCommand):
    help = "Email each confirmed booking once, a day before its event."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_due()} reminders queued.")
