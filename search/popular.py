"""What the empty search page offers instead: the categories with most courses."""

from wagtail.models import Locale

from home.sections import categories_with_courses


def popular_categories(language, limit=6):
    """Categories of `language`, most visible courses first."""
    locale = Locale.objects.get_for_language(language)
    return list(
        categories_with_courses(locale.pk).order_by("-course_count", "name")[:limit]
    )
