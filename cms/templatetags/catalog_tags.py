"""Template helpers for the storefront: durations, the catalog link, JSON-LD."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from cms import listing
from cms.models import CourseIndexPage
from cms.seo import course_json_ld

register = template.Library()


@register.filter
def duration(minutes):
    """90 → "1 h 30 min" (in the active language); 0 or None → ""."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    if minutes <= 0:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return ngettext("%(m)d minute", "%(m)d minutes", rest) % {"m": rest}
    if not rest:
        return ngettext("%(h)d hour", "%(h)d hours", hours) % {"h": hours}
    return gettext("%(h)d h %(m)d min") % {"h": hours, "m": rest}


@register.filter
def total_minutes(lessons):
    """The lessons' durations added up (for "Total: 2 h 15 min")."""
    return sum(lesson.duration_minutes or 0 for lesson in lessons or ())


@register.simple_tag(takes_context=True)
def catalog_page(context):
    """The live catalog page of the active language (cached for the request)."""
    request = context.get("request")
    cached = getattr(request, "_catalog_page", False) if request else False
    if cached is not False:
        return cached
    from wagtail.models import Locale

    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return None
    page = (
        CourseIndexPage.objects.live()
        .filter(locale=locale)
        .only("id", "title", "url_path", "path", "depth", "locale_id")
        .first()
    )
    if request is not None:
        request._catalog_page = page
    return page


@register.simple_tag(takes_context=True)
def json_ld_course(context, course):
    """A `<script type="application/ld+json">` describing the course for search."""
    data = course_json_ld(course, context.get("request"), context.get("instructors"))
    # json.dumps + escaping "<" keeps "</script>" in a title from closing the tag.
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload),  # noqa: S308
    )


@register.simple_tag
def page_query(filter_query, number):
    """The query string for result page `number`, keeping the filters."""
    parts = [filter_query] if filter_query else []
    if number and int(number) > 1:
        parts.append(f"page={int(number)}")
    return "?" + "&".join(parts) if parts else "?"


@register.filter
def listing_kind(page):
    """The cms.listing kind of a card's page (its label, its card template)."""
    return listing.kind_of(page)
