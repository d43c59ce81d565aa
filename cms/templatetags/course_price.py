"""`{% course_price page %}`: the course's price, as commerce formats it.

Prices belong to `commerce`. This tag renders whatever
`commerce.pricing.display_price(course, request=request)` returns (a string,
escaped unless marked safe).
"""

from django import template
from django.utils.html import conditional_escape

from commerce.pricing import display_price

register = template.Library()


@register.simple_tag(takes_context=True)
def course_price(context, course):
    if course is None:
        return ""
    value = display_price(course, request=context.get("request"))
    return conditional_escape(value) if value else ""
