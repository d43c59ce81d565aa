"""A learner books seats: attendees into the cart, cancellation by the policy.

The views call these; the seat rules themselves are in events/seats.py.
"""

import unicodedata

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commerce import cart as carts
from commerce.catalog import product_for_page
from commerce.models import Order
from events import emails, seats, tasks
from events.models import Attendee, Booking, event_page
from events.models.pages import MAX_ATTENDEES

NAME_MAX = 100


class BookingError(Exception):
    """A clear reason a booking was refused, shown in the learner's language."""


class BookForm(forms.Form):
    """How many attendees (1–10) and their names, one per seat."""

    seats = forms.IntegerField(
        label=gettext_lazy("Attendees"),
        min_value=1,
        max_value=MAX_ATTENDEES,
        error_messages={
            "min_value": gettext_lazy("Book between 1 and 10 attendees."),
            "max_value": gettext_lazy("Book between 1 and 10 attendees."),
            "invalid": gettext_lazy("Book between 1 and 10 attendees."),
            "required": gettext_lazy("Book between 1 and 10 attendees."),
        },
    )

    def __init__(self, data=None, names=None):
        super().__init__(data)
        self.raw_names = list(names or [])[: MAX_ATTENDEES + 1]

    def clean(self):
        cleaned = super().clean()
        count = cleaned.get("seats")
        if count is None:
            return cleaned
        names = [_clean_name(name) for name in self.raw_names]
        names = [name for name in names if name]
        if len(names) != count:
            raise forms.ValidationError(
                _("Give the name of each attendee (%(count)d).") % {"count": count}
            )
        cleaned["names"] = names
        return cleaned


class WaitForm(forms.Form):
    """How many seats a learner waits for (1–10)."""

    seats = BookForm.base_fields["seats"]


def _clean_name(raw):
    name = " ".join(str(raw).split())
    if any(unicodedata.category(char) in ("Cc", "Cs", "Co") for char in name):
        raise forms.ValidationError(_("Names may only contain printable characters."))
    if len(name) > NAME_MAX:
        raise forms.ValidationError(
            _("Names can be at most %(max)d characters long.") % {"max": NAME_MAX}
        )
    return name


def put_in_cart(request, page, count, names):
    """The learner's booking for `page` (seats and names) goes in the cart.

    Tells them at once when the event is closed or has fewer seats left; the
    seats themselves are held only at checkout (events/seats.py).
    """
    product = product_for_page(page)
    if product is None or product.kind != "event":
        raise BookingError(_("This event cannot be booked online."))
    reason = page.closed_reason()
    if reason:
        raise BookingError(reason)
    left = seats.seats_left(product, event_page(product), offered_to=request.user)
    if count > left:
        raise BookingError(seats.sold_out_message(page.title, left))
    try:
        with transaction.atomic():
            draft, _created = Booking.objects.update_or_create(
                user=request.user,
                product=product,
                status=Booking.CART,
                defaults={"seats": count, "language": page.locale.language_code},
            )
            draft.attendees.all().delete()
            Attendee.objects.bulk_create(
                Attendee(booking=draft, name=name) for name in names
            )
    except IntegrityError as error:  # the same learner, twice at once
        raise BookingError(_("Please try again.")) from error
    try:
        carts.add(request, product)
    except carts.CartError as error:
        raise BookingError(str(error)) from error
    return draft


def upcoming_for(user):
    """The learner's confirmed bookings, soonest event first."""
    bookings = list(
        Booking.objects.filter(user=user, status=Booking.CONFIRMED)
        .select_related("product", "order")
        .prefetch_related("attendees")
    )
    language = translation.get_language()
    now = timezone.now()
    for booking in bookings:
        booking.event = event_page(booking.product, language)
        booking.refund_deadline = booking.event.refund_deadline()
        booking.refundable = now < booking.refund_deadline
        booking.paid = line_amount(booking) > 0  # free: no refund to talk of
    return sorted(
        bookings, key=lambda b: b.event.starts_at if b.event else timezone.now()
    )


def refundable(booking, now=None):
    """Inside the policy: a full refund until N days before the start."""
    page = event_page(booking.product)
    return (now or timezone.now()) < page.refund_deadline()


def line_amount(booking):
    if booking.order_id is None:
        return 0
    return (
        booking.order.lines.filter(product_id=booking.product_id)
        .values_list("amount_minor", flat=True)
        .first()
        or 0
    )


def cancel(booking, *, refund=None, by_event=False):
    """Cancel a confirmed booking; refund it in full inside the policy.

    Seats are freed at once; Stripe's `charge.refunded` later closes the order.
    Returns whether a refund was asked for.
    """
    with transaction.atomic():
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status != Booking.CONFIRMED:
            raise BookingError(_("This booking is not active."))
        refund = refundable(booking) if refund is None else refund
        amount = line_amount(booking) if refund else 0
        paid = booking.order is not None and booking.order.status == Order.PAID
        booking.status, booking.cancelled_at = Booking.CANCELLED, timezone.now()
        booking.save(update_fields=["status", "cancelled_at"])
        asked = bool(amount and paid)
        if asked:
            tasks.refund_booking_line.enqueue(booking.order_id, amount)
        if by_event:
            emails.queue_event_cancelled(booking)
        else:
            emails.queue_cancelled(booking, asked)
            tasks.offer_freed_seats.enqueue(booking.product_id)
    return asked
