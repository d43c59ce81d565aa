"""Structured data and social metadata for course pages.

Search engines read `Course` JSON-LD (https://schema.org/Course); we describe only
what the page itself shows so the markup never disagrees with the content. Apps
that show more on the course page add it through the `course_json_ld` hook
(learning adds the rating of approved reviews), so the catalog imports none of them.
"""

from django.conf import settings
from wagtail import hooks


def absolute_page_url(page, request):
    """The page's absolute URL on the host the visitor used (as hreflang links do).

    Host headers are validated against ALLOWED_HOSTS, so this is safe; without a
    request, Wagtail's Site hostname is used.
    """
    if request is None:
        return page.get_full_url()
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else ""


def course_json_ld(course, request, instructors=None):
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": course.title,
        "description": course.summary,
        "url": absolute_page_url(course, request),
        "inLanguage": course.locale.language_code,
        "provider": {
            "@type": "Organization",
            "name": getattr(settings, "WAGTAIL_SITE_NAME", "Mystic Courses"),
            "sameAs": getattr(settings, "SITE_URL", ""),
        },
    }
    if course.level:
        data["educationalLevel"] = course.get_level_display()
    if course.category_id and course.category:
        data["about"] = course.category.name
    if course.duration_minutes:
        data["timeRequired"] = (
            f"PT{course.duration_minutes // 60}H{course.duration_minutes % 60}M"
        )
    if instructors:
        data["instructor"] = [
            {"@type": "Person", "name": instructor.name} for instructor in instructors
        ]
    if course.cover_image_id and request is not None:
        rendition = course.cover_image.get_rendition("fill-1200x630|format-jpeg")
        data["image"] = request.build_absolute_uri(rendition.url)
    for add_to_course_json_ld in hooks.get_hooks("course_json_ld"):
        add_to_course_json_ld(course, data)  # learning: the approved reviews' rating
    return data
