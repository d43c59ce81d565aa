"""Coupons: a percentage or a fixed amount per currency, with limits.

Redemptions are rows, counted under a row lock on the coupon, so concurrent
checkouts can never take a coupon past its limits (see commerce/coupons.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel

from commerce.models.catalog import CURRENCY_CHOICES


class Coupon(ClusterableModel):
    KIND_PERCENT = "percent"
    KIND_FIXED = "fixed"
    KIND_CHOICES = [
        (KIND_PERCENT, _("Percentage off")),
        (KIND_FIXED, _("Fixed amount off (per currency)")),
    ]

    code = models.CharField(
        _("code"), max_length=40, unique=True, help_text=_("Case does not matter.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES)
    percent_off = models.PositiveSmallIntegerField(
        _("percent off"), null=True, blank=True
    )
    valid_from = models.DateTimeField(_("valid from"), null=True, blank=True)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    max_redemptions = models.PositiveIntegerField(
        _("maximum redemptions in total"), null=True, blank=True
    )
    max_per_learner = models.PositiveIntegerField(
        _("maximum redemptions per learner"), default=1
    )
    products = ParentalManyToManyField(
        "commerce.Product",
        verbose_name=_("only for these products"),
        blank=True,
        help_text=_("Leave empty for everything sold."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("percent_off")]),
        InlinePanel("amounts", label=_("Fixed amounts")),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        FieldRowPanel([FieldPanel("max_redemptions"), FieldPanel("max_per_learner")]),
        FieldPanel("products"),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("coupon")
        verbose_name_plural = _("coupons")
        ordering = ["-created_at"]

    def __str__(self):
        return self.code

    def save(self, *args, **kwargs):
        self.code = self.code.strip().upper()
        super().save(*args, **kwargs)

    def times_used(self):
        return self.redemptions.exclude(status=CouponRedemption.RELEASED).count()

    times_used.short_description = _("used")


class CouponAmount(models.Model):
    coupon = ParentalKey(Coupon, on_delete=models.CASCADE, related_name="amounts")
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES)
    amount_minor = models.PositiveIntegerField(_("amount off in cents"))

    panels = [FieldPanel("currency"), FieldPanel("amount_minor")]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["coupon", "currency"], name="commerce_coupon_amount_currency"
            )
        ]

    def __str__(self):
        return f"{self.coupon}: {self.amount_minor} {self.currency}"


class CouponRedemption(models.Model):
    RESERVED = "reserved"
    REDEEMED = "redeemed"
    RELEASED = "released"
    STATUS_CHOICES = [
        (RESERVED, _("Reserved by a pending order")),
        (REDEEMED, _("Redeemed")),
        (RELEASED, _("Released")),
    ]

    coupon = models.ForeignKey(
        Coupon, on_delete=models.PROTECT, related_name="redemptions"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    order = models.OneToOneField(
        "commerce.Order", on_delete=models.CASCADE, related_name="coupon_redemption"
    )
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=RESERVED)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.coupon} for {self.order} ({self.status})"
