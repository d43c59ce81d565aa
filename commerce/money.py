"""Money as integer minor units plus an ISO currency code, formatted with Babel.

Never floats: amounts travel as `int` cents (or the currency's minor unit) and
become text only at the edge, in the reader's locale (`$49.00`, `49,00 €`).
"""

from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_currency, get_currency_precision
from django.utils import translation

from commerce import conf


def minor_digits(currency):
    """Digits after the decimal point for the currency (2 for USD, 0 for JPY)."""
    return get_currency_precision(currency.upper())


def to_decimal(amount_minor, currency):
    return Decimal(amount_minor).scaleb(-minor_digits(currency))


def to_minor(amount, currency):
    """Parse a decimal amount typed by a person ("12.50") into minor units."""
    value = Decimal(str(amount)).scaleb(minor_digits(currency))
    if value != value.to_integral_value():
        raise ValueError("Too many decimal places for this currency.")
    return int(value)


def format_money(amount_minor, currency, language=None):
    """`$49.00` in English, `49,00 €` in Spanish."""
    language = language or translation.get_language() or "en"
    return format_currency(
        to_decimal(amount_minor, currency),
        currency.upper(),
        locale=translation.to_locale(language),
    )


def currency_for_language(language=None):
    """The currency charged to readers of `language` (configurable)."""
    language = (language or translation.get_language() or "en").split("-")[0]
    return conf.currency_by_language().get(language, conf.default_currency())


@dataclass(frozen=True)
class Money:
    amount_minor: int
    currency: str

    def __str__(self):
        return format_money(self.amount_minor, self.currency)

    def format(self, language=None):
        return format_money(self.amount_minor, self.currency, language)

    @property
    def is_zero(self):
        return self.amount_minor == 0
