"""`fulfil(order)`: grant what a paid order bought, exactly once.

One transaction with the order row locked: a second call (a duplicate webhook, a
concurrent delivery, a late event) finds the order already paid and does nothing.
Enrollment is unique per learner and course; emails are written to the outbox in
the same transaction and sent after commit.
"""

import logging

from django.db import transaction
from django.utils import timezone

from commerce import cart as carts
from commerce import coupons, emails
from commerce.models import Enrollment, Order, OrderEmail
from commerce.orders import flag_for_review, lock, log_event

log = logging.getLogger(__name__)

FULFILLABLE = {Order.PENDING, Order.FAILED, Order.EXPIRED}


def enroll(user, product, *, source, order=None, note=""):
    """Open a course for a learner (again); returns the enrollment."""
    enrollment, created = Enrollment.objects.get_or_create(
        user=user,
        product=product,
        defaults={"source": source, "order": order, "note": note},
    )
    if not created and enrollment.revoked_at is not None:
        enrollment.revoked_at = None
        enrollment.source, enrollment.order, enrollment.note = source, order, note
        enrollment.created_at = timezone.now()
        enrollment.save()
    return enrollment


@transaction.atomic
def fulfil(order, *, payment_intent="", amount_minor=None, currency=None, event_id=""):
    """Mark the order paid and enroll its learner; True if this call did it.

    `amount_minor`/`currency` are what Stripe says it charged; if they differ from
    the order, the order is flagged for review and nothing is granted. A payment
    that arrives after the order expired or failed (events out of order) still
    fulfils: the learner paid.
    """
    order = lock(order.pk)
    if order.status not in FULFILLABLE:
        log_event(
            order, "ignored", f"Payment event on a {order.status} order.", event_id
        )
        return False
    if amount_minor is not None and (
        int(amount_minor) != order.total_minor
        or (currency or "").upper() != order.currency
    ):
        flag_for_review(
            order,
            f"Stripe charged {amount_minor} {(currency or '').upper()}, "
            f"order total is {order.total_minor} {order.currency}.",
            event_id,
        )
        return False
    order.status = Order.PAID
    order.paid_at = timezone.now()
    order.stripe_payment_intent = payment_intent or order.stripe_payment_intent
    order.save(
        update_fields=["status", "paid_at", "stripe_payment_intent", "updated_at"]
    )
    source = Enrollment.SOURCE_PURCHASE if order.total_minor else Enrollment.SOURCE_FREE
    product_ids = []
    for line in order.lines.select_related("product"):
        enroll(order.user, line.product, source=source, order=order)
        product_ids.append(line.product_id)
    coupons.redeem(order)
    carts.clear_products(order.user, product_ids)
    emails.queue(order, OrderEmail.CONFIRMATION)
    emails.queue(order, OrderEmail.STAFF_NOTICE)
    log_event(order, "paid", f"Paid {order.total}; enrolled.", event_id)
    log.info("Order %s fulfilled", order.number)
    return True
