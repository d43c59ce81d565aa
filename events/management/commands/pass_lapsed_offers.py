"""`manage.py pass_lapsed_offers`: expired waiting-list offers go to the next
person waiting (cron, every few minutes)."""

from django.core.management.base import BaseCommand

from events.waiting import pass_lapsed


class Command(BaseCommand):
    help = (
        "Pass the seats of waiting-list offers that expired unclaimed to the next "
        "person waiting, or back on sale."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{pass_lapsed()} offers sent.")
