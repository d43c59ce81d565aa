"""Prices as the catalog shows them, and totals as checkout charges them.

Every amount is computed here on the server from Price rows; nothing a browser
posts is ever read as a price.
"""

from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Subquery
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from commerce.catalog import product_for_page, product_title
from commerce.models import Coupon, Price, Product
from commerce.money import Money, currency_for_language, format_money

# Free or paid, the one rule: by the price in the reader's currency, in minor
# units, {kind: (label, lowest, highest)} both included. A course with no price
# in that currency is neither. The catalog's and search's filters (cms/catalog.py,
# search/postgres.py) apply these as price ranges.
PRICE_KINDS = {
    "free": (_("Free"), 0, 0),
    "paid": (_("Paid"), 1, None),
}


def price_of(product, currency):
    """Money for the product in `currency`, or None if editors set no price."""
    price = product.price_for(currency)
    return Money(price.amount_minor, price.currency) if price else None


def _page_language(page):
    return getattr(getattr(page, "locale", None), "language_code", None)


def reader_price(page, language=None):
    """Money for `page`'s readers (in their language's currency), or None when
    it is not for sale; the page may be any translation of the product's."""
    product = product_for_page(page)
    if product is None:
        return None
    return price_of(product, currency_for_language(language or _page_language(page)))


def display_price(page, language=None, request=None):
    """The course's price as text for `page`'s readers ("$49.00"), or "".

    Called by the catalog's `course_price` template tag; the page may be the course
    or any translation of it. "" means the course is not for sale.
    """
    language = language or _page_language(page)
    money = reader_price(page, language)
    return "" if money is None else price_text(money, language)


def price_text(money, language):
    """ "Free" or "$49.00" / "49,00 €", as `language` writes it."""
    if money.is_zero:
        return gettext("Free")
    return format_money(money.amount_minor, money.currency, language)


def currencies_without_price(page):
    """The currencies of the page's languages that have no price yet.

    The one rule for "may this course (event, digital product) go live": every
    language it exists in needs a price in that language's currency; a price of
    0 is the explicit choice to give it away. [] means it can be sold (or is
    free).
    """
    languages = {page.locale.language_code} | set(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale__language_code", flat=True
        )
    )
    needed = sorted({currency_for_language(language) for language in languages})
    product = (
        Product.objects.prefetch_related("prices")
        .filter(translation_key=page.translation_key)
        .first()
    )
    return [c for c in needed if product is None or product.price_for(c) is None]


def missing_price_messages(page):
    """What an editor reads when publishing a course, event or digital product
    without its prices."""
    from django.utils.translation import gettext

    missing = currencies_without_price(page)
    if not missing:
        return []
    return [
        gettext(
            "“%(title)s” has no price in %(currencies)s. Set one under Shop → "
            "Prices (0 makes it free) before publishing it."
        )
        % {"title": page.title, "currencies": ", ".join(missing)}
    ]


@dataclass
class Line:
    product: object
    title: str
    unit_amount_minor: int
    discount_minor: int = 0
    quantity: int = 1  # seats of an event; the amounts above are for all of them

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


def summarise(products, currency, coupon=None, quantities=None):
    """Lines and totals for `products` in `currency`, titled in the active
    language (products without a price are left out by the caller, see
    commerce/cart.py); `quantities` maps a product id to how many (default 1)."""
    summary = Summary(currency=currency)
    for product in products:
        money = price_of(product, currency)
        count = (quantities or {}).get(product.pk, 1)
        title = product_title(product)
        summary.lines.append(
            Line(
                product=product,
                title=f"{title} × {count}" if count != 1 else title,
                unit_amount_minor=money.amount_minor * count,
                quantity=count,
            )
        )
    if coupon is not None:
        apply_coupon(summary, coupon)
    return summary


def with_reader_price(queryset, currency=None):
    """Course pages annotated with `reader_price`: their price in minor units of
    `currency` (the reader's by default), None when editors set none."""
    if "reader_price" in queryset.query.annotations:
        return queryset
    price = Price.objects.filter(
        product__translation_key=OuterRef("translation_key"),
        currency=currency or currency_for_language(),
    ).values("amount_minor")[:1]
    return queryset.annotate(reader_price=Subquery(price))


def filter_by_price_range(queryset, lowest, highest, currency=None):
    """Course pages priced between `lowest` and `highest` (included; None is open)."""
    queryset = with_reader_price(queryset, currency)
    if lowest is not None:
        queryset = queryset.filter(reader_price__gte=lowest)
    if highest is not None:
        queryset = queryset.filter(reader_price__lte=highest)
    return queryset


def filter_by_price(queryset, kind, currency=None):
    """Course pages that are "free" or "paid" (PRICE_KINDS) in the reader's currency."""
    if kind not in PRICE_KINDS:
        return queryset
    _label, lowest, highest = PRICE_KINDS[kind]
    return filter_by_price_range(queryset, lowest, highest, currency)


def order_by_price(queryset, *then, currency=None):
    """Course pages cheapest first in the reader's currency; unpriced last; ties
    by `then` (title by default)."""
    return with_reader_price(queryset, currency).order_by(
        F("reader_price").asc(nulls_last=True), *(then or ("title",))
    )
