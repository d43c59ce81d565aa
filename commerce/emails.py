"""Order emails: written once per order and kind, sent after commit, retried.

The `OrderEmail` row is the ledger that makes an email happen once, even when
twenty webhook deliveries race: it is created in the fulfilment transaction under
a unique (order, kind) constraint. Sending is handed to accounts' outbox
(`accounts.mail.queue_email`: rendered now in the learner's language, sent after
commit, retried with back-off by `manage.py send_queued_email`), so an SMTP outage
never blocks or undoes a fulfilment.
"""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail import hooks

from accounts.mail import queue_email
from commerce import conf, entitlements
from commerce.catalog import product_title
from commerce.models import OrderEmail

STAFF_LANGUAGE = "en"
# Apps that sell through commerce add to the learner's emails (download links):
# a hook `fn(order, kind)` returns sections, dicts naming the `html` and `text`
# templates to include with the section as `section`.
ORDER_EMAIL_SECTIONS_HOOK = "order_email_sections"

log = logging.getLogger(__name__)


def _kind(kind):
    """`refund-4900` → `refund`: several refund notices share one template."""
    return kind.split("-", 1)[0]


def queue(order, kind):
    """Queue the `kind` email about `order` unless it was already queued."""
    try:
        with transaction.atomic():
            ledger, created = OrderEmail.objects.get_or_create(order=order, kind=kind)
    except IntegrityError:
        return False
    if not created:
        return False
    staff = _kind(kind) == OrderEmail.STAFF_NOTICE
    lines = list(order.lines.select_related("product"))
    if staff:  # staff read course titles in their language; never saved
        for line in lines:
            line.title = product_title(line.product, STAFF_LANGUAGE)
    queue_email(
        conf.staff_order_emails() if staff else [order.email],
        f"commerce/emails/{_kind(kind)}",
        {
            "order": order,
            "lines": lines,
            "refunded_minor": order.refunded_minor,
            "site_url": settings.SITE_URL,
            "sections": [] if staff else _sections(order, kind),
            "receipts": entitlements.receipts(order),
        },
        language=STAFF_LANGUAGE if staff else order.language,
    )
    ledger.sent_at = timezone.now()  # handed to the outbox
    ledger.save(update_fields=["sent_at"])
    return True


def _sections(order, kind):
    return [
        section
        for add_sections in hooks.get_hooks(ORDER_EMAIL_SECTIONS_HOOK)
        for section in add_sections(order, kind)
    ]
