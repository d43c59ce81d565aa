"""What the empty search page offers instead: the categories with most courses."""

from django.db.models import Count, Q


def popular_categories(language, limit=6):
    """Categories of `language`, most live courses first."""
    from cms.models import Category

    return list(
        Category.objects.filter(locale__language_code=language)
        .annotate(
            live_courses=Count(
                "courses",
                filter=Q(courses__live=True, courses__locale__language_code=language),
            )
        )
        .filter(live_courses__gt=0)
        .order_by("-live_courses", "name")[:limit]
    )
