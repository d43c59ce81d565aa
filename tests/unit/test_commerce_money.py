"""Prices read naturally in each language and never go through floats."""

import pytest

from commerce.money import currency_for_language, format_money, to_minor


def test_english_reader_sees_dollars_with_a_point():
    assert format_money(4900, "USD", "en") == "$49.00"


def test_spanish_reader_sees_euros_with_a_comma_after_the_amount():
    assert format_money(4900, "EUR", "es") == "49,00\xa0€"


def test_default_currency_follows_the_language(settings):
    assert currency_for_language("en") == "USD"
    assert currency_for_language("es") == "EUR"
    settings.COMMERCE_CURRENCY_BY_LANGUAGE = {"en": "GBP", "es": "MXN"}
    assert currency_for_language("es") == "MXN"


def test_typed_amounts_become_integer_minor_units():
    assert to_minor("49.90", "USD") == 4990
    with pytest.raises(ValueError):
        to_minor("49.999", "USD")


def test_stand_in_decodes_the_sdk_form_encoding():
    from devtools.stripe_standin import decode_form

    params = decode_form(
        "mode=payment&line_items[0][quantity]=1"
        "&line_items[0][price_data][unit_amount]=4900&metadata[order_id]=7"
    )
    assert params == {
        "mode": "payment",
        "line_items": [{"quantity": "1", "price_data": {"unit_amount": "4900"}}],
        "metadata": {"order_id": "7"},
    }
