"""Prices as the catalog shows them, and totals as checkout charges them.

Every amount is computed here on the server from Price rows; nothing a browser
posts is ever read as a price.
"""

from dataclasses import dataclass, field

from commerce.catalog import product_for_page
from commerce.models import Coupon, Price
from commerce.money import Money, currency_for_language, format_money


def price_of(product, currency):
    """Money for the product in `currency`, or None if editors set no price."""
    price = product.price_for(currency)
    return Money(price.amount_minor, price.currency) if price else None


def display_price(page, language=None, request=None):
    """The course's price as text for `page`'s readers ("$49.00"), or "".

    Called by the catalog's `course_price` template tag; the page may be the course
    or any translation of it. "" means the course is not for sale.
    """
    from django.utils.translation import gettext

    language = language or getattr(getattr(page, "locale", None), "language_code", None)
    product = product_for_page(page)
    if product is None:
        return ""
    currency = currency_for_language(language)
    money = price_of(product, currency)
    if money is None:
        return ""
    if money.is_zero:
        return gettext("Free")
    return format_money(money.amount_minor, money.currency, language)


@dataclass
class Line:
    product: object
    title: str
    unit_amount_minor: int
    discount_minor: int = 0

    @property
    def amount_minor(self):
        return self.unit_amount_minor - self.discount_minor


@dataclass
class Summary:
    currency: str
    lines: list = field(default_factory=list)
    coupon: object = None

    @property
    def subtotal_minor(self):
        return sum(line.unit_amount_minor for line in self.lines)

    @property
    def discount_minor(self):
        return sum(line.discount_minor for line in self.lines)

    @property
    def total_minor(self):
        return sum(line.amount_minor for line in self.lines)

    @property
    def subtotal(self):
        return Money(self.subtotal_minor, self.currency)

    @property
    def discount(self):
        return Money(self.discount_minor, self.currency)

    @property
    def total(self):
        return Money(self.total_minor, self.currency)


def apply_coupon(summary, coupon):
    """Spread the coupon's discount over the lines it applies to.

    Percentages round down per line (never over-discount); a fixed amount is taken
    line by line until used up; no line goes below zero.
    """
    eligible_ids = {product.pk for product in coupon.products.all()}
    eligible = [
        line
        for line in summary.lines
        if not eligible_ids or line.product.pk in eligible_ids
    ]
    if coupon.kind == Coupon.KIND_PERCENT:
        percent = min(coupon.percent_off or 0, 100)
        for line in eligible:
            line.discount_minor = line.unit_amount_minor * percent // 100
    else:
        amount = coupon.amounts.filter(currency=summary.currency).first()
        remaining = amount.amount_minor if amount else 0
        for line in eligible:
            take = min(remaining, line.unit_amount_minor)
            line.discount_minor = take
            remaining -= take
    summary.coupon = coupon if summary.discount_minor else None
    return summary


def summarise(products, currency, coupon=None):
    """Lines and totals for `products` in `currency` (products without a price are
    left out by the caller, see commerce/cart.py)."""
    summary = Summary(currency=currency)
    for product in products:
        money = price_of(product, currency)
        summary.lines.append(
            Line(
                product=product,
                title=product.title,
                unit_amount_minor=money.amount_minor,
            )
        )
    if coupon is not None:
        apply_coupon(summary, coupon)
    return summary


def _price_in_reader_currency():
    """A subquery: the course's price in the reader's currency (by translation_key)."""
    from django.db.models import OuterRef, Subquery

    return Subquery(
        Price.objects.filter(
            product__translation_key=OuterRef("translation_key"),
            currency=currency_for_language(),
        ).values("amount_minor")[:1]
    )


def filter_by_price(queryset, choice):
    """Course pages that are "free" or "paid" in the reader's currency.

    Used by the catalog's filter (cms/catalog.py); courses without a price are
    neither.
    """
    queryset = queryset.annotate(reader_price=_price_in_reader_currency())
    if choice == "free":
        return queryset.filter(reader_price=0)
    if choice == "paid":
        return queryset.filter(reader_price__gt=0)
    return queryset


def order_by_price(queryset):
    """Course pages cheapest first in the reader's currency; unpriced last."""
    from django.db.models import F

    return queryset.annotate(reader_price=_price_in_reader_currency()).order_by(
        F("reader_price").asc(nulls_last=True), "title"
    )
