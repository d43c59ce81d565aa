"""The search page's query string, read defensively.

Anything a browser sends is accepted: the text is cleaned (control characters
and NUL removed, whitespace collapsed, cut to MAX_LENGTH) and filter values we do
not know are ignored, so no query string can make the search fail. Operators in
the text (`"phrase"`, `or`, `-word`) are given to PostgreSQL's
websearch_to_tsquery, which never raises on malformed input.
"""

import re
import unicodedata
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation

from django.utils.http import urlencode

from commerce.money import currency_for_language

MAX_LENGTH = 200
MAX_PAGE = 1000
MAX_AMOUNT = 1_000_000  # price filters above this are ignored
PER_PAGE = 12
SORTS = ("relevance", "newest", "price")
PRICES = ("free", "paid")
_WORD = re.compile(r"\w+")


def clean_text(value):
    """Printable text of at most MAX_LENGTH characters ("" for non-strings)."""
    if not isinstance(value, str):
        return ""
    value = "".join(
        " " if unicodedata.category(char)[0] in "CZ" else char
        for char in value[: MAX_LENGTH * 4]
    )
    return " ".join(value.split())[:MAX_LENGTH].strip()


def words(text):
    """Lowercase words of `text` (letters, digits), for prefixes and corrections."""
    return [word.lower() for word in _WORD.findall(text) if word.strip("_")]


def _amount(value):
    """A non-negative decimal amount typed by a visitor, or None."""
    if not isinstance(value, str) or not value.strip() or len(value) > 12:
        return None
    try:
        amount = Decimal(value.strip().replace(",", "."))
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        return None
    return amount.quantize(Decimal("0.01"))


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    category: str = ""
    level: str = ""
    duration: str = ""
    price: str = ""
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    sort: str = ""
    page: int = 1

    @property
    def effective_sort(self):
        return self.sort or ("relevance" if self.q else "newest")

    @property
    def has_filters(self):
        return bool(
            self.category
            or self.level
            or self.duration
            or self.price
            or self.price_min is not None
            or self.price_max is not None
        )

    def as_query(self, **changes):
        """Query string of these parameters (page left out unless changed)."""
        values = {field.name: getattr(self, field.name) for field in fields(self)}
        values["page"] = None
        values.update(changes)
        return urlencode(
            {key: value for key, value in values.items() if value not in ("", None)}
        )


def parse(params, *, categories=(), levels=(), durations=()):
    """SearchParams from a QueryDict; unknown values dropped, never an error."""

    def pick(name, allowed):
        value = params.get(name, "")
        return value if isinstance(value, str) and value in allowed else ""

    try:
        page = int(params.get("page", "1"))
    except (TypeError, ValueError):
        page = 1
    price_min = _amount(params.get("price_min"))
    price_max = _amount(params.get("price_max"))
    return SearchParams(
        q=clean_text(params.get("q", "")),
        category=pick("category", set(categories)),
        level=pick("level", set(levels)),
        duration=pick("duration", set(durations)),
        price=pick("price", PRICES),
        price_min=price_min,
        price_max=price_max,
        sort=pick("sort", SORTS),
        page=min(max(page, 1), MAX_PAGE),
    )


def duration_choices():
    """The catalog's duration buckets: {key: (label, low, high)} in minutes."""
    from cms.catalog import DURATIONS

    return DURATIONS


def currency_for(language):
    return currency_for_language(language)


def to_minor(amount, currency):
    """Decimal major units → minor units of `currency` (None stays None)."""
    if amount is None or not currency:
        return None
    from commerce.money import minor_digits

    return int(amount.scaleb(minor_digits(currency)).to_integral_value())


def criteria(params, language):
    """search.postgres.Criteria for `params` read in `language`'s currency."""
    from search.postgres import Criteria

    low = high = None
    if params.duration:
        _label, low, high = duration_choices()[params.duration]
    currency = currency_for(language)
    return Criteria(
        category=params.category,
        level=params.level,
        duration_min=low,
        duration_max=high,
        price=params.price,
        price_min=to_minor(params.price_min, currency),
        price_max=to_minor(params.price_max, currency),
        currency=currency,
    )


def _labels():
    from django.utils.translation import gettext_lazy as _

    sorts = {"relevance": _("Relevance"), "newest": _("Newest"), "price": _("Price")}
    prices = {"free": _("Free"), "paid": _("Paid")}
    return sorts, prices


SORT_LABELS, PRICES_LABELS = _labels()
