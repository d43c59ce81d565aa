"""`{% seo_meta %}`: canonical URL, meta description and Open Graph for any page."""

from django import template
from django.utils.translation import gettext

from cms.seo import absolute_page_url

register = template.Library()


def page_description(page):
    """search_description, else a course's summary or a page's intro, else the
    site's tagline."""
    for attr in ("search_description", "summary", "intro"):
        value = getattr(page, attr, "") if page is not None else ""
        if isinstance(value, str) and value.strip():
            return value.strip()
    return gettext(
        "Courses for the inner life: meditation, yoga, mindfulness and more."
    )


def _og_image(page, request):
    image = getattr(page, "cover_image", None) or getattr(page, "hero_image", None)
    if image is None or request is None:
        return ""
    return request.build_absolute_uri(
        image.get_rendition("fill-1200x630|format-jpeg").url
    )


@register.simple_tag(takes_context=True)
def meta_description(context):
    return page_description(context.get("page"))


@register.inclusion_tag("includes/seo.html", takes_context=True)
def seo_meta(context):
    request = context.get("request")
    page = context.get("page")
    is_page = (
        page is not None and getattr(page, "pk", None) and hasattr(page, "url_path")
    )
    if is_page:
        canonical = absolute_page_url(page, request)
    elif request is not None:
        canonical = request.build_absolute_uri(request.path)
    else:
        canonical = ""
    return {
        "request": request,
        "page": page if is_page else None,
        "canonical_url": canonical,
        "description": page_description(page if is_page else None),
        "og_type": "article"
        if type(page).__name__ in ("CoursePage", "LessonPage")
        else "website",
        "og_image_url": _og_image(page, request) if is_page else "",
        "language_code": context.get("LANGUAGE_CODE", ""),
    }
