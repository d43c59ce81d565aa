"""`manage.py send_queued_email`: send queued emails that are due (cron, every minute).

Emails are normally sent right after the request that queued them; this command
picks up those that failed (SMTP slow or down) and retries them with exponential
backoff, giving up after `OUTBOX_MAX_ATTEMPTS` attempts, and forgets sent emails
after 30 days (their bodies are dropped as soon as they are sent). Safe to run
from several machines at once: each row is locked while it is sent.
"""

from django.core.management.base import BaseCommand

from accounts.mail import purge_sent, send_due


class Command(BaseCommand):
    help = "Send queued emails whose next attempt is due; retry failures with backoff."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=100)

    def handle(self, *args, limit, **options):
        sent, failed = send_due(limit=limit)
        purged = purge_sent()
        self.stdout.write(f"sent {sent}, not sent {failed}, forgotten {purged}")
