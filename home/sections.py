"""What the home page shows: featured picks, newest courses, categories.

Each section is a fixed number of queries whatever the size of the catalog.
"""

from django.utils.functional import SimpleLazyObject

from cms.models import CourseIndexPage
from cms.queries import (
    categories_with_courses,
    for_cards,
    live_courses,
    localized_live_courses,
)


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


def _featured(home, locale):
    from home.models import FEATURED_COURSES

    picks = [link.course for link in home.featured_courses.select_related("course")]
    return localized_live_courses(picks[:FEATURED_COURSES], locale)


def _newest(locale):
    from home.models import NEWEST_COURSES

    return list(
        for_cards(live_courses(locale)).order_by("-first_published_at", "-pk")[
            :NEWEST_COURSES
        ]
    )


def _categories(locale):
    return list(categories_with_courses(locale))
