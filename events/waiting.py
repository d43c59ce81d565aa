"""The waiting list: sold out, learners wait; freed seats are offered in order.

An offer **keeps** the freed seats for the person offered until its claim link
expires (`OFFER_HOURS`): they count as taken for everyone else
(`EventPage.seats_left`), and the person books them through the cart and
checkout as usual; the hold made at their checkout claims the offer. An offer
that expires unclaimed passes its seats to the next person waiting, or back on
sale when nobody waits (`pass_lapsed`, run by `manage.py pass_lapsed_offers`,
and whenever seats are freed). Offers are decided under the event's row lock,
like holds (decision 0076), so offered + held + confirmed never exceed the
capacity. The list is served strictly in the order people joined: when the
next person wants more seats than are free, nobody behind them jumps ahead.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from commerce.models import Product
from events import emails
from events.models import WaitingListEntry, event_page
from events.models.bookings import lock_seats

OFFER_HOURS = 24
SALT = "events.waiting-list.claim"


def join(user, product, seats, language):
    """Wait for `seats`; someone whose offer was used or lapsed joins again at
    the back. An open offer is kept as it is (book it rather than wait)."""
    now = timezone.now()
    entry = WaitingListEntry.objects.filter(user=user, product=product).first()
    if entry is not None and _is_open(entry, now):
        return entry
    fields = {"seats": seats, "language": language}
    if entry is not None and entry.offered_at:
        fields |= {
            "created_at": now,
            "offered_at": None,
            "offer_expires_at": None,
            "claimed_at": None,
            "lapsed_at": None,
        }
    entry, _created = WaitingListEntry.objects.update_or_create(
        user=user, product=product, defaults=fields
    )
    return entry


def _is_open(entry, now):
    return bool(
        entry.offer_expires_at
        and entry.offer_expires_at > now
        and entry.claimed_at is None
    )


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


def claim(user, product):
    """`user` holds seats at checkout (`seats.hold`, under the lock): their open
    offer is used. Seats offered but not booked go to the next person waiting."""
    entry = WaitingListEntry.objects.holding().filter(user=user, product=product)
    if not entry.update(claimed_at=timezone.now()):
        return False
    offer_freed(product)
    return True


@transaction.atomic
def offer_freed(product, now=None):
    """Seats became free: keep them for the next people waiting, in the order
    they joined, as far as they go, and email each a claim link. Offers that
    lapsed are marked passed first. Returns how many were offered."""
    now = now or timezone.now()
    page = event_page(product)
    if page is None:
        return 0
    lock_seats(product)
    WaitingListEntry.objects.filter(product=product).lapsed(now).update(lapsed_at=now)
    if page.closed_reason(now):
        return 0
    left, offered = page.seats_left(), 0
    waiting = WaitingListEntry.objects.filter(
        product=product, offered_at__isnull=True
    ).select_related("user")
    for entry in waiting:
        if entry.seats > left:
            break
        entry.offered_at = now
        entry.offer_expires_at = now + timedelta(hours=OFFER_HOURS)
        entry.save(update_fields=["offered_at", "offer_expires_at"])
        with translation.override(entry.language):
            claim_path = reverse("events:claim", args=[claim_token(entry)])
        emails.queue_offer(
            entry, event_page(product, entry.language), settings.SITE_URL + claim_path
        )
        left -= entry.seats
        offered += 1
    return offered


def pass_lapsed(now=None):
    """Offers that expired unclaimed: their seats go to the next person waiting
    (or back on sale). Safe to run twice at once. Returns how many were offered."""
    now = now or timezone.now()
    product_ids = set(
        WaitingListEntry.objects.lapsed(now).values_list("product_id", flat=True)
    )
    return sum(
        offer_freed(product, now)
        for product in Product.objects.filter(pk__in=product_ids).order_by("pk")
    )
