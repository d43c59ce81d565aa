"""Orders, their lines, timeline, refunds, queued emails and processed webhooks.

Status changes go through commerce/orders.py, which checks the current state with
the row locked; nothing assigns `status` from a view.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commerce.money import Money


class Order(models.Model):
    PENDING = "pending"
    PAID = "paid"
    FAILED = "failed"
    EXPIRED = "expired"
    REFUNDED = "refunded"
    NEEDS_REVIEW = "needs_review"
    STATUS_CHOICES = [
        (PENDING, _("Pending payment")),
        (PAID, _("Paid")),
        (FAILED, _("Payment failed")),
        (EXPIRED, _("Expired")),
        (REFUNDED, _("Refunded")),
        (NEEDS_REVIEW, _("Needs review")),
    ]

    # Which status may follow which (commerce.orders.set_status checks it), as
    # django-oscar's order pipeline: a late payment after expiry or failure
    # still fulfils; a refund follows only a payment.
    PIPELINE = {
        PENDING: {PAID, FAILED, EXPIRED, NEEDS_REVIEW},
        FAILED: {PAID, NEEDS_REVIEW},
        EXPIRED: {PAID, NEEDS_REVIEW},
        PAID: {REFUNDED},
        NEEDS_REVIEW: set(),
        REFUNDED: set(),
    }

    # NULL until the row has its id (the number is built from it); unique after.
    number = models.CharField(  # noqa: DJ001
        _("number"), max_length=32, unique=True, null=True
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.PROTECT,
        related_name="orders",
    )
    email = models.EmailField(_("email"))
    status = models.CharField(
        _("status"), max_length=16, choices=STATUS_CHOICES, default=PENDING
    )
    currency = models.CharField(_("currency"), max_length=3)
    language = models.CharField(_("language"), max_length=8, default="en")
    subtotal_minor = models.PositiveIntegerField(default=0)
    discount_minor = models.PositiveIntegerField(default=0)
    total_minor = models.PositiveIntegerField(_("total"), default=0)
    refunded_minor = models.PositiveIntegerField(_("refunded"), default=0)
    coupon = models.ForeignKey(
        "commerce.Coupon", null=True, blank=True, on_delete=models.SET_NULL
    )
    cart_fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    stripe_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_session_url = models.URLField(max_length=2000, blank=True)
    stripe_payment_intent = models.CharField(max_length=255, blank=True, db_index=True)
    review_reason = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.number or f"order {self.pk}"

    @property
    def total(self):
        return Money(self.total_minor, self.currency)

    @property
    def is_partially_refunded(self):
        return 0 < self.refunded_minor < self.total_minor

    @property
    def refund_pending(self):
        return any(r.status == Refund.PENDING for r in self.refunds.all())

    def refundable_minor(self):
        pending = sum(r.amount_minor for r in self.refunds.all() if r.is_pending)
        return max(self.total_minor - self.refunded_minor - pending, 0)


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey("commerce.Product", on_delete=models.PROTECT)
    title = models.CharField(max_length=255)
    unit_amount_minor = models.PositiveIntegerField()
    discount_minor = models.PositiveIntegerField(default=0)
    amount_minor = models.PositiveIntegerField()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.title


class OrderEvent(models.Model):
    """One line of an order's timeline, shown to staff."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=64)
    message = models.CharField(max_length=500, blank=True)
    stripe_event_id = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.order}: {self.kind}"


class Refund(models.Model):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    STATUS_CHOICES = [
        (PENDING, _("Refund pending")),
        (SUCCEEDED, _("Refunded")),
        (FAILED, _("Refund failed")),
    ]

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="refunds")
    amount_minor = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=PENDING)
    stripe_refund_id = models.CharField(max_length=255, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"refund of {self.amount_minor} on {self.order}"

    @property
    def is_pending(self):
        return self.status == self.PENDING


class OrderEmail(models.Model):
    """The ledger of emails about an order: one row per order and kind.

    Created in the same transaction as the change it reports, under a unique
    constraint, so twenty concurrent deliveries still queue one email. Sending and
    retrying belong to accounts' outbox (see commerce/emails.py).
    """

    CONFIRMATION = "confirmation"
    STAFF_NOTICE = "staff_notice"
    REFUND = "refund"

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=32)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["order", "kind"], name="commerce_one_email_per_order_kind"
            )
        ]

    def __str__(self):
        return f"{self.kind} email for {self.order}"


class WebhookEvent(models.Model):
    """A Stripe event whose processing committed; its id is never processed twice."""

    stripe_event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    order = models.ForeignKey(Order, null=True, on_delete=models.SET_NULL)
    processed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.stripe_event_id
