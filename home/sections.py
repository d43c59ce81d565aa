"""What the home page shows: featured picks, newest courses, categories.

Each section is a fixed number of queries whatever the size of the catalog.
"""

from django.db.models import Count, Q

from cms.models import Category, CourseIndexPage
from cms.queries import for_cards, live_courses, localized_live_courses


def home_sections(home):
    from home.models import FEATURED_COURSES, NEWEST_COURSES

    locale = home.locale_id
    picks = [link.course for link in home.featured_courses.select_related("course")]
    featured = localized_live_courses(picks[:FEATURED_COURSES], locale)
    newest = list(
        for_cards(live_courses(locale)).order_by("-first_published_at", "-pk")[
            :NEWEST_COURSES
        ]
    )
    categories = list(
        Category.objects.filter(locale_id=locale)
        .annotate(
            course_count=Count(
                "courses",
                filter=Q(courses__live=True, courses__locale_id=locale),
            )
        )
        .filter(course_count__gt=0)
    )
    catalog = CourseIndexPage.objects.live().child_of(home).first()
    return {
        "featured_courses": featured,
        "newest_courses": newest,
        "categories": categories,
        "catalog": catalog,
    }
