"""A product is one course, event or digital product across its languages,
keyed by the page translation_key.

Prices belong to commerce, never to the page model: editors enter one price per
currency here, and the English and Spanish pages of the course share them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Locale, Page

from commerce.conf import shop_currencies
from commerce.money import format_money


class Product(ClusterableModel):
    translation_key = models.UUIDField(_("product"), unique=True, editable=False)
    course_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The course, event or digital product sold; all its translations "
            "share these prices."
        ),
    )
    title = models.CharField(_("title"), max_length=255, editable=False)
    # What buying it grants, through the entitlement registered for this kind
    # (commerce/entitlements.py): "course" is an enrollment.
    kind = models.CharField(_("kind"), max_length=32, default="course", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [PageChooserPanel("course_page"), InlinePanel("prices", label=_("Prices"))]

    class Meta:
        verbose_name = _("price list")
        verbose_name_plural = _("price lists")
        ordering = ["title"]

    def __str__(self):
        return self.title or str(self.translation_key)

    def save(self, *args, **kwargs):
        if self.course_page_id:
            page = self.course_page
            self.translation_key = page.translation_key
            self.title = page.title
        super().save(*args, **kwargs)

    def page_in_locale(self, locale=None, live_only=True):
        """The course page in `locale` (default: the active one), or None."""
        locale = locale or Locale.get_active()
        pages = Page.objects.filter(translation_key=self.translation_key, locale=locale)
        if live_only:
            pages = pages.live()
        return pages.first()

    def price_list(self):
        return ", ".join(str(price) for price in self.prices.all())

    def price_for(self, currency):
        """The Price row for `currency`, or None when editors set none."""
        return next(
            (p for p in self.prices.all() if p.currency == currency.upper()), None
        )


CURRENCY_CHOICES = [("USD", "USD"), ("EUR", "EUR"), ("GBP", "GBP"), ("MXN", "MXN")]


def shop_currency_choices():
    """Only the currencies the shop charges in (settings): what a price may be in."""
    return [(code, code) for code in shop_currencies()]


class Price(models.Model):
    product = ParentalKey(Product, on_delete=models.CASCADE, related_name="prices")
    currency = models.CharField(
        _("currency"), max_length=3, choices=shop_currency_choices
    )
    amount_minor = models.PositiveIntegerField(
        _("amount in cents"),
        help_text=_("In the currency's minor unit: 4900 is 49.00. 0 makes it free."),
    )

    panels = [FieldPanel("currency"), FieldPanel("amount_minor")]

    class Meta:
        verbose_name = _("price")
        constraints = [
            models.UniqueConstraint(
                fields=["product", "currency"], name="commerce_one_price_per_currency"
            )
        ]

    def __str__(self):
        return format_money(self.amount_minor, self.currency)
