"""`{% course_price page %}`: the course's price, as commerce formats it.

Prices belong to `commerce`. This tag renders whatever
`commerce.pricing.display_price(course, request=request)` returns (a string,
escaped unless marked safe) and renders nothing while that function does not
exist, so the storefront works before and after commerce lands.
"""

from django import template
from django.utils.html import conditional_escape

register = template.Library()


def _display_price():
    try:
        from commerce.pricing import display_price
    except ImportError:
        return None
    return display_price


@register.simple_tag(takes_context=True)
def course_price(context, course):
    display_price = _display_price()
    if display_price is None or course is None:
        return ""
    value = display_price(course, request=context.get("request"))
    return conditional_escape(value) if value else ""
