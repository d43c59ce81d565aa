"""`{% money 4900 "USD" %}` → `$49.00` in the active language."""

from django import template

from commerce.money import format_money

register = template.Library()


@register.simple_tag
def money(amount_minor, currency):
    return format_money(int(amount_minor), currency)
