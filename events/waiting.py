"""The waiting list: sold out, learners wait; freed seats are offered in order.

An offer is an email with a claim link that expires (`OFFER_HOURS`); the link
brings the learner back to the event to book. Offers do not reserve seats in
this first version: the freed seats are offered only to as many people, in the
order they joined, as they cover, and whoever books first gets them.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

from events import emails
from events.models import WaitingListEntry, event_page

OFFER_HOURS = 24
SALT = "events.waiting-list.claim"


def join(user, product, seats, language):
    entry, _created = WaitingListEntry.objects.update_or_create(
        user=user,
        product=product,
        defaults={"seats": seats, "language": language},
    )
    return entry


def claim_token(entry):
    return signing.dumps({"entry": entry.pk}, salt=SALT)


def entry_for_token(token):
    """The entry whose offer the token claims, if it has not expired; else None."""
    try:
        data = signing.loads(token, salt=SALT, max_age=OFFER_HOURS * 3600)
    except signing.BadSignature:
        return None
    entry = WaitingListEntry.objects.filter(pk=data.get("entry")).first()
    if entry is None or not entry.offer_expires_at:
        return None
    return entry if entry.offer_expires_at > timezone.now() else None


def offer_freed(product):
    """Seats became free: offer them to the next people waiting; how many offered."""
    page = event_page(product)
    if page is None or page.closed_reason():
        return 0
    left, now, offered = page.seats_left(), timezone.now(), 0
    waiting = WaitingListEntry.objects.filter(
        product=product, offered_at__isnull=True
    ).select_related("user")
    for entry in waiting:
        if entry.seats > left:
            break
        entry.offered_at, entry.offer_expires_at = (
            now,
            now + timedelta(hours=OFFER_HOURS),
        )
        entry.save(update_fields=["offered_at", "offer_expires_at"])
        with translation.override(entry.language):
            claim = reverse("events:claim", args=[claim_token(entry)])
        emails.queue_offer(
            entry, event_page(product, entry.language), settings.SITE_URL + claim
        )
        left -= entry.seats
        offered += 1
    return offered
