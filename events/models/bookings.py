"""Bookings: seats in a learner's cart, held while they pay, then confirmed.

A booking belongs to one order (or is the cart's draft, with no order). Seats
are counted from these rows under a lock on the event's product row
(events/seats.py), never from a counter: held seats count until their hold
ends, whether or not anyone has released them yet.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def lock_seats(product):
    """Serialise every seat decision for one event on its product row
    (`SELECT … FOR UPDATE`; decision 0076): holds, late confirmations and
    waiting-list offers all take it before counting."""
    return type(product).objects.select_for_update().get(pk=product.pk)


class BookingQuerySet(models.QuerySet):
    def taking_seats(self, now=None):
        """Confirmed bookings and holds that have not ended."""
        now = now or timezone.now()
        return self.filter(
            Q(status=Booking.CONFIRMED)
            | Q(status=Booking.HELD, hold_expires_at__gt=now)
        )

    def seats_taken(self, product_id, *, excluding=None, now=None):
        """Seats confirmed or held (holds not yet ended) for one event."""
        bookings = self.filter(product_id=product_id).taking_seats(now)
        if excluding is not None:
            bookings = bookings.exclude(pk=excluding)
        return bookings.aggregate(seats=Sum("seats"))["seats"] or 0


class Booking(models.Model):
    CART = "cart"
    HELD = "held"
    CONFIRMED = "confirmed"
    RELEASED = "released"
    REFUSED = "refused"
    CANCELLED = "cancelled"
    STATUS_CHOICES = [
        (CART, _("In cart")),
        (HELD, _("Held while paying")),
        (CONFIRMED, _("Confirmed")),
        (RELEASED, _("Released")),
        (REFUSED, _("Refused (paid too late, refunded)")),
        (CANCELLED, _("Cancelled")),
    ]

    product = models.ForeignKey(
        "commerce.Product",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="event_bookings",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        on_delete=models.CASCADE,
        related_name="event_bookings",
    )
    order = models.ForeignKey(
        "commerce.Order",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_bookings",
    )
    seats = models.PositiveSmallIntegerField(_("seats"))
    status = models.CharField(
        _("status"), max_length=16, choices=STATUS_CHOICES, default=CART
    )
    language = models.CharField(_("language"), max_length=8, default="en")
    hold_expires_at = models.DateTimeField(_("held until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "product"],
                condition=Q(status="cart"),
                name="events_one_cart_booking_per_event",
            ),
            models.UniqueConstraint(
                fields=["order", "product"],
                condition=Q(order__isnull=False),
                name="events_one_booking_per_order_line",
            ),
        ]
        indexes = [models.Index(fields=["product", "status"])]

    def __str__(self):
        return f"{self.seats} × {self.product} ({self.status})"


class Attendee(models.Model):
    """One person on a booking: their name on the list, checked in at the door."""

    booking = models.ForeignKey(
        Booking, on_delete=models.CASCADE, related_name="attendees"
    )
    name = models.CharField(_("name"), max_length=100)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class WaitingListQuerySet(models.QuerySet):
    def waiting(self):
        """On the list and not offered seats yet."""
        return self.filter(offered_at__isnull=True)

    def holding(self, now=None):
        """Offers sent and neither claimed nor expired: their seats are kept for
        the person offered, so they count as taken for everyone else."""
        return self.filter(
            offer_expires_at__gt=now or timezone.now(), claimed_at__isnull=True
        )

    def seats_offered(self, product_id, *, except_user=None, now=None):
        """Seats kept for open offers of one event (not those of `except_user`)."""
        offers = self.filter(product_id=product_id).holding(now)
        if except_user is not None:
            offers = offers.exclude(user=except_user)
        return offers.aggregate(seats=Sum("seats"))["seats"] or 0

    def lapsed(self, now=None):
        """Offers that expired unclaimed and were not yet passed on."""
        return self.filter(
            offer_expires_at__lte=now or timezone.now(),
            claimed_at__isnull=True,
            lapsed_at__isnull=True,
        )


class WaitingListEntry(models.Model):
    """Someone who wants seats of a sold-out event; offered the next freed ones.

    waiting (`offered_at` empty) → offered (seats kept until `offer_expires_at`)
    → claimed (`claimed_at`: the seats are held for their checkout) or lapsed
    (`lapsed_at`: the seats went to the next person, or back on sale).
    """

    product = models.ForeignKey(
        "commerce.Product", on_delete=models.CASCADE, related_name="waiting_list"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    seats = models.PositiveSmallIntegerField(default=1)
    language = models.CharField(max_length=8, default="en")
    created_at = models.DateTimeField(default=timezone.now)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    lapsed_at = models.DateTimeField(null=True, blank=True)

    objects = WaitingListQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "user"], name="events_wait_once_per_event"
            )
        ]

    def __str__(self):
        return f"{self.user} waiting for {self.product}"
