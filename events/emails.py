"""Emails about bookings, each in the language the learner booked in.

Queued through accounts' outbox in the same transaction as the change they
report (sent after commit, retried); the confirmation carries the `.ics` file.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from accounts.mail import queue_email
from events.calendar import ics_for
from events.models.pages import event_page


def _send(booking, kind, page=None, attachments=None, extra=None):
    page = page or event_page(booking.product, booking.language)
    with translation.override(booking.language):
        my_bookings = settings.SITE_URL + reverse("events:my_bookings")
    queue_email(
        [booking.user.email],
        f"events/emails/{kind}",
        {
            "booking": booking,
            "event": page,
            "attendees": list(booking.attendees.all()),
            "page_url": settings.SITE_URL + (page.url or ""),
            "my_bookings_url": my_bookings,
            **(extra or {}),
        },
        language=booking.language,
        attachments=attachments,
    )


def queue_confirmation(booking):
    page = event_page(booking.product, booking.language)
    ics = ics_for(page, booking, settings.SITE_URL + (page.url or ""))
    _send(booking, "confirmation", page, [("event.ics", ics, "text/calendar")])


def queue_refused(booking):
    """Paid after the hold ended and the seats were gone: refunded."""
    _send(booking, "refused")


def queue_cancelled(booking, refunded):
    _send(booking, "cancelled", extra={"refunded": refunded})


def queue_event_cancelled(booking):
    _send(booking, "event_cancelled")


def queue_message(booking, subject, body):
    """Staff's message to the attendees of an event."""
    _send(booking, "message", extra={"subject": subject, "body": body})


def queue_reminder(booking):
    _send(booking, "reminder")


def queue_offer(entry, page, claim_url):
    """A seat freed for someone on the waiting list: claim it before it expires."""
    with translation.override(entry.language):
        queue_email(
            [entry.user.email],
            "events/emails/offer",
            {"entry": entry, "event": page, "claim_url": claim_url},
            language=entry.language,
        )
