"""Seats: how many are left, held while paying, confirmed once paid.

pretix's quota rule, in our small version: availability is computed from the
bookings under a row lock on the event's product (`SELECT … FOR UPDATE`), never
from a counter a request decrements. Held seats count until their hold ends
(the Checkout Session's `expires_at`), so an expired hold frees its seats even
before Stripe's `checkout.session.expired` arrives; confirmed seats count for
good. With the lock, held + confirmed never exceed the capacity, whatever the
concurrency.
"""

import logging

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from commerce.catalog import product_title
from commerce.entitlements import HoldLapsed, Unavailable
from events import emails, tasks, waiting
from events.models.bookings import Attendee, Booking, lock_seats
from events.models.pages import event_page

log = logging.getLogger(__name__)


def seats_left(product, page=None, *, excluding=None, offered_to=None):
    return (page or event_page(product)).seats_left(
        excluding=excluding, offered_to=offered_to
    )


def sold_out_message(title, left):
    if left <= 0:
        return _("“%(title)s” is sold out.") % {"title": title}
    return ngettext(
        "Only %(count)d seat is left for “%(title)s”.",
        "Only %(count)d seats are left for “%(title)s”.",
        left,
    ) % {"count": left, "title": title}


lock = lock_seats


def hold(order, product, expires_at):
    """Hold the seats of the learner's cart booking for `order` until
    `expires_at`; raise `Unavailable` ("sold out") before any payment.

    Called inside `entitlements.reserve_order`'s transaction.
    """
    now = timezone.now()
    booking = Booking.objects.filter(order=order, product=product).first()
    if booking is not None:
        if booking.status == Booking.HELD and booking.hold_expires_at > now:
            return booking.hold_expires_at
        if booking.status == Booking.CONFIRMED:
            return None
        raise HoldLapsed(_("Your seats were released while you were away."))
    draft = Booking.objects.filter(
        user=order.user, product=product, status=Booking.CART
    ).first()
    title = product_title(product)
    if draft is None:
        raise Unavailable(
            _("Choose the attendees for “%(title)s” on the event page.")
            % {"title": title}
        )
    page = event_page(product)
    reason = page.closed_reason(now)
    if reason:
        raise Unavailable(reason)
    lock(product)
    left = seats_left(product, page, offered_to=order.user)
    if draft.seats > left:
        raise Unavailable(sold_out_message(title, left))
    booking = Booking.objects.create(
        product=product,
        user=order.user,
        order=order,
        seats=draft.seats,
        status=Booking.HELD,
        language=order.language,
        hold_expires_at=expires_at,
    )
    Attendee.objects.bulk_create(
        Attendee(booking=booking, name=attendee.name)
        for attendee in draft.attendees.all()
    )
    waiting.claim(order.user, product)
    return expires_at


def confirm(user, product, *, source, order=None, note=""):
    """The payment arrived (fulfilment, order locked): confirm the held seats.

    A hold that ended is confirmed only if its seats are still free; if they went
    to someone else, the booking is refused and its line refunded after commit.
    Returns the booking. Staff grants (no order) give one confirmed seat.
    """
    if order is None:
        return _staff_seat(user, product, note)
    booking = (
        Booking.objects.select_for_update().filter(order=order, product=product).first()
    )
    if booking is None or booking.status in (Booking.CONFIRMED, Booking.REFUSED):
        return booking
    now = timezone.now()
    if not (booking.status == Booking.HELD and booking.hold_expires_at > now):
        lock(product)
        page = event_page(product)
        if page.closed_reason(now) or booking.seats > seats_left(
            product, page, excluding=booking.pk
        ):
            return _refuse(booking)
    booking.status, booking.confirmed_at = Booking.CONFIRMED, now
    booking.save(update_fields=["status", "confirmed_at"])
    Booking.objects.filter(user=user, product=product, status=Booking.CART).delete()
    emails.queue_confirmation(booking)
    return booking


def _refuse(booking):
    booking.status = Booking.REFUSED
    booking.save(update_fields=["status"])
    amount = (
        booking.order.lines.filter(product_id=booking.product_id)
        .values_list("amount_minor", flat=True)
        .first()
    )
    if amount:
        tasks.refund_booking_line.enqueue(booking.order_id, amount)
    emails.queue_refused(booking)
    log.warning("Booking %s paid after its hold ended; refused", booking.pk)
    return booking


def _staff_seat(user, product, note):
    booking = Booking.objects.create(
        product=product,
        user=user,
        seats=1,
        status=Booking.CONFIRMED,
        confirmed_at=timezone.now(),
    )
    Attendee.objects.create(booking=booking, name=(user.get_full_name() or user.email))
    return booking


def release(order):
    """The order will not be paid (session expired or failed): free its seats
    and offer them to the waiting list."""
    held = Booking.objects.filter(order=order, status=Booking.HELD)
    products = {booking.product for booking in held.select_related("product")}
    released = held.update(status=Booking.RELEASED)
    for product in products:
        tasks.offer_freed_seats.enqueue(product.pk)
    return released


def revoke(*, order=None, user=None):
    """A full refund or an erased account: its bookings are cancelled."""
    if order is None and user is None:
        return 0
    bookings = Booking.objects.filter(status__in=[Booking.HELD, Booking.CONFIRMED])
    if order is not None:
        bookings = bookings.filter(order=order)
    if user is not None:
        bookings = bookings.filter(user=user)
    return bookings.update(status=Booking.CANCELLED, cancelled_at=timezone.now())


def quantity(user, product):
    """Seats of the learner's cart booking for this event (1 if none yet)."""
    if not user.is_authenticated:
        return 1
    seats = (
        Booking.objects.filter(user=user, product=product, status=Booking.CART)
        .values_list("seats", flat=True)
        .first()
    )
    return seats or 1
