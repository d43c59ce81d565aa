"""Refunds: staff ask Stripe, the `charge.refunded` webhook confirms.

Until the webhook arrives the order shows "refund pending"; access is revoked
only when Stripe says the whole amount went back.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from commerce import emails, entitlements, gateway
from commerce.models import Order, OrderEmail, Refund
from commerce.orders import lock, log_event, set_status


class RefundError(Exception):
    pass


def request_refund(order, amount_minor, requested_by):
    """Record a pending refund and ask Stripe for it (idempotency key per refund)."""
    with transaction.atomic():
        order = lock(order.pk)
        if order.status != Order.PAID or not order.stripe_payment_intent:
            raise RefundError(_("Only paid card orders can be refunded."))
        if amount_minor <= 0 or amount_minor > order.refundable_minor():
            raise RefundError(_("The refund amount is more than what can be refunded."))
        refund = Refund.objects.create(
            order=order, amount_minor=amount_minor, requested_by=requested_by
        )
        log_event(order, "refund_requested", f"Refund of {amount_minor} requested.")
    try:
        stripe_id = gateway.create_refund(refund)
    except gateway.GatewayError as error:
        Refund.objects.filter(pk=refund.pk).update(status=Refund.FAILED)
        log_event(order, "refund_failed", str(error))
        raise RefundError(_("Stripe refused the refund: %s") % error) from error
    Refund.objects.filter(pk=refund.pk, stripe_refund_id="").update(
        stripe_refund_id=stripe_id
    )
    return refund


@transaction.atomic
def record_refunded(order, amount_refunded, event_id=""):
    """Stripe says `amount_refunded` (cumulative) went back to the learner.

    Full refund: the order is refunded and its enrollments revoked. Partial: the
    amount is recorded and access stays.
    """
    order = lock(order.pk)
    amount_refunded = int(amount_refunded)
    if amount_refunded <= order.refunded_minor:
        log_event(order, "ignored", "Refund already recorded.", event_id)
        return False
    order.refunded_minor = amount_refunded
    settled = 0
    for refund in order.refunds.filter(status=Refund.PENDING).order_by("pk"):
        settled += refund.amount_minor
        if settled <= amount_refunded:
            refund.status = Refund.SUCCEEDED
            refund.save(update_fields=["status"])
    if amount_refunded >= order.total_minor and order.status == Order.PAID:
        set_status(
            order,
            Order.REFUNDED,
            "Fully refunded; access revoked.",
            event_id,
            refunded_minor=amount_refunded,
        )
        entitlements.revoke_order(order)
    else:
        order.save(update_fields=["refunded_minor", "updated_at"])
        log_event(order, "partially_refunded", f"{amount_refunded} refunded.", event_id)
    emails.queue(order, f"{OrderEmail.REFUND}-{amount_refunded}")
    return True
