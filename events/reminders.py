"""The reminder a day before: each confirmed booking is reminded once.

Run every few minutes by `manage.py send_event_reminders` (cron, like
`send_queued_email`); the row lock and `reminded_at` make a second run, or two
at once, send nothing twice.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from events import emails
from events.models import Booking, EventPage

AHEAD = timedelta(days=1)


def send_due(now=None):
    """Remind bookings of events starting within a day; returns how many."""
    now = now or timezone.now()
    soon = EventPage.objects.live().filter(
        starts_at__gt=now, starts_at__lte=now + AHEAD, cancelled_at__isnull=True
    )
    keys = set(soon.values_list("translation_key", flat=True))
    sent = 0
    with transaction.atomic():
        due = (
            Booking.objects.select_for_update(skip_locked=True)
            .filter(
                status=Booking.CONFIRMED,
                reminded_at__isnull=True,
                product__translation_key__in=keys,
            )
            .select_related("user", "product")
        )
        for booking in due:
            emails.queue_reminder(booking)
            booking.reminded_at = now
            booking.save(update_fields=["reminded_at"])
            sent += 1
    return sent
