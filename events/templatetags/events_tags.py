"""Event cards and pages: when (in the event's own time zone, localized), the
price of a seat, the seats left."""

import json

from django import template
from django.utils.formats import date_format, time_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from commerce.pricing import price_text, reader_price
from events.seo import event_json_ld

register = template.Library()


@register.simple_tag
def event_when(event):
    start, end = event.local_start, event.local_end
    first = f"{date_format(start, 'DATE_FORMAT')}, {time_format(start, 'TIME_FORMAT')}"
    if start.date() == end.date():
        last = time_format(end, "TIME_FORMAT")
    else:
        last = f"{date_format(end, 'DATE_FORMAT')}, {time_format(end, 'TIME_FORMAT')}"
    return f"{first} – {last} ({event.time_zone})"


@register.simple_tag
def seat_price(event):
    """ "$60.00 per seat", "Free" (never "Free per seat"), or "" when the
    event is not for sale, in the reader's currency."""
    money = reader_price(event)
    if money is None:
        return ""
    text = price_text(money, event.locale.language_code)
    if money.is_zero:
        return text
    return format_html('{} <span class="per-seat">{}</span>', text, gettext("per seat"))


@register.simple_tag
def seats_left_text(left):
    """ "5 seats left" / "Sold out", in the reader's language."""
    if left <= 0:
        return gettext("Sold out")
    return ngettext("%(count)d seat left", "%(count)d seats left", left) % {
        "count": left
    }


@register.simple_tag(takes_context=True)
def json_ld_event(context, page, seats_left):
    """A `<script type="application/ld+json">` describing the event."""
    data = event_json_ld(page, context.get("request"), seats_left)
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload),  # noqa: S308
    )
