"""The search page's query string, read defensively.

`SearchParams` is the catalog's filters (cms.catalog.CatalogFilters: category,
level, duration, free or paid) plus what only search has: the text, relevance
sorting, a typed price range and the page number. Anything a browser sends is
accepted: the text is cleaned (control characters and NUL removed, whitespace
collapsed, cut to MAX_LENGTH) and filter values we do not know are ignored, so no
query string can make the search fail. Operators in the text (`"phrase"`, `or`,
`-word`) are given to PostgreSQL's websearch_to_tsquery, which never raises on
malformed input.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from cms.catalog import CatalogFilters
from commerce.money import currency_for_language, minor_digits

MAX_LENGTH = 200
MAX_PAGE = 1000
MAX_AMOUNT = 1_000_000  # price filters above this are ignored
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


def _page(value):
    try:
        page = int(value)
    except (TypeError, ValueError):
        page = 1
    return min(max(page, 1), MAX_PAGE)


def to_minor(amount, currency):
    """Decimal major units → minor units of `currency` (None stays None)."""
    if amount is None or not currency:
        return None
    return int(amount.scaleb(minor_digits(currency)).to_integral_value())


def _narrower(a, b, pick):
    """The tighter of two optional bounds (`pick` is max for lows, min for highs)."""
    return b if a is None else a if b is None else pick(a, b)


@dataclass(frozen=True)
class SearchParams(CatalogFilters):
    sort: str = ""
    q: str = ""
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    page: int = 1

    kind: str = "all"

    SORTS = ("relevance", "newest", "price")
    DEFAULT_SORT = ""  # relevance with a text, newest without: effective_sort
    DEFAULT_KIND = "all"  # search finds every kind unless asked
    KEPT_ON_CLEAR = ("kind", "q")

    @classmethod
    def read(cls, params, category_slugs):
        return {
            **super().read(params, category_slugs),
            "q": clean_text(params.get("q", "")),
            "price_min": _amount(params.get("price_min")),
            "price_max": _amount(params.get("price_max")),
            "page": _page(params.get("page", "1")),
        }

    @property
    def effective_sort(self):
        return self.sort or ("relevance" if self.q else "newest")

    @property
    def active(self):
        """Whether anything narrows the results: the kind filter too (asking for
        events lists them without a text)."""
        return self.filters_active or self.kind != self.DEFAULT_KIND

    @property
    def filters_active(self):
        typed_price = self.price_min is not None or self.price_max is not None
        return super().filters_active or typed_price

    def as_query(self, **changes):
        """Query string of these parameters (page left out unless changed)."""
        return super().as_query(**{"page": None, **changes})

    def price_range(self, currency):
        """Free or paid narrowed by the typed range, in minor units of `currency`."""
        low, high = super().price_range(currency)
        return (
            _narrower(low, to_minor(self.price_min, currency), max),
            _narrower(high, to_minor(self.price_max, currency), min),
        )


def criteria(params, language):
    """`params` in database terms (cms.catalog.Criteria), in `language`'s currency."""
    return params.criteria(currency_for_language(language))
