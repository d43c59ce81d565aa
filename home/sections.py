"""What the home page shows: featured picks, newest courses, categories.

Each section is a fixed number of queries whatever the size of the catalog.
"""

from django.utils.functional import SimpleLazyObject

from cms.models import Category, CourseIndexPage, CoursePage
from cms.models.querysets import with_visible_courses

NEWEST_COURSES = 6
FEATURED_COURSES = 6


def home_sections(home):
    """The sections, each loaded only when the template reads it: when the page's
    fragment comes from the cache (speedups/render_cache.py), none of them is."""
    locale = home.locale_id
    return {
        "featured_courses": SimpleLazyObject(lambda: _featured(home, locale)),
        "newest_courses": SimpleLazyObject(lambda: _newest(locale)),
        "categories": SimpleLazyObject(lambda: _categories(locale)),
        "catalog": SimpleLazyObject(
            lambda: CourseIndexPage.objects.live().child_of(home).first()
        ),
    }


def categories_with_courses(locale):
    """The categories of `locale` with visible courses, each with `course_count`.

    The home page lists them; the empty search page offers the biggest ones.
    """
    return with_visible_courses(
        Category.objects.filter(locale_id=locale), CoursePage.objects.visible(locale)
    )


def _featured(home, locale):
    picks = [link.course for link in home.featured_courses.select_related("course")]
    return CoursePage.objects.translations_of(picks[:FEATURED_COURSES], locale)


def _newest(locale):
    return list(
        CoursePage.objects.visible(locale)
        .for_cards()
        .order_by("-first_published_at", "-pk")[:NEWEST_COURSES]
    )


def _categories(locale):
    return list(categories_with_courses(locale))
