"""`manage.py run_scheduler`: enqueue periodic jobs at their times (one process).

Replaces the cron lines for publish_scheduled, reminders, backups and the outbox.
Each tick enqueues the jobs of `SCHEDULED_JOBS` whose slot is new; a unique
(job, slot) row makes a second scheduler (a deploy overlap, a mistake) harmless.
The worker (`manage.py db_worker`) runs what it enqueues.
"""

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from background.schedule import enqueue_due, jobs


class Command(BaseCommand):
    help = "Enqueue the periodic jobs of SCHEDULED_JOBS at their times."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=15, help="Seconds between ticks."
        )
        parser.add_argument(
            "--once", action="store_true", help="Enqueue what is due, then exit."
        )

    def handle(self, *args, interval, once, **options):
        self.running = True
        if not once:
            signal.signal(signal.SIGTERM, self._stop)
            signal.signal(signal.SIGINT, self._stop)
            names = ", ".join(job.name for job in jobs())
            self.stdout.write(f"scheduler: every {interval:g}s, jobs: {names}")
        while self.running:
            close_old_connections()
            for name in enqueue_due():
                self.stdout.write(f"scheduler: enqueued {name}")
            if once:
                return
            close_old_connections()
            deadline = time.monotonic() + interval
            while self.running and time.monotonic() < deadline:
                time.sleep(min(0.5, interval))

    def _stop(self, signum, frame):
        self.running = False
