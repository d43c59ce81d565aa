"""Events' background work as tasks (decision 0090); the rules stay in their modules.

Enqueued in the caller's transaction, so nothing runs for a rolled-back booking
or cancellation. Seat holds need no task: a hold counts only until its
`hold_expires_at` (events/seats.py), so an expired hold frees its seats by itself.
"""

import logging

from django.tasks import task

from commerce import refunds
from commerce.models import Order, Product
from events import reminders, waiting

log = logging.getLogger(__name__)


@task()
def send_event_reminders():
    """The day-before reminders (the scheduler enqueues this every 15 minutes)."""
    return reminders.send_due()


@task()
def offer_freed_seats(product_id):
    """Seats were freed: offer them to the waiting list, in order."""
    product = Product.objects.filter(pk=product_id).first()
    return waiting.offer_freed(product) if product else 0


@task()
def pass_lapsed_offers():
    """Seats of waiting-list offers that expired unclaimed go to the next person
    waiting, or back on sale (the scheduler enqueues this every 5 minutes)."""
    return waiting.pass_lapsed()


@task()
def refund_booking_line(order_id, amount_minor):
    """Give back what one booking cost (refused late payment, cancellation).

    Enqueued with the booking's change, so Stripe is asked by the worker, once
    the booking is committed, never for a rolled-back cancellation.
    """
    order = Order.objects.get(pk=order_id)
    try:
        refund = refunds.request_refund(order, amount_minor, None)
    except refunds.RefundError:
        log.exception("Refund of %s on order %s failed", amount_minor, order.number)
        return None
    return getattr(refund, "pk", None)
