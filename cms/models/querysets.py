"""Which courses a visitor sees: asked of the course model, answered here once.

Every view, feed, sitemap, search index and home section asks
`CoursePage.objects.visible(locale)`, the way bakerydemo keeps its "which pages
does a visitor see" on the page model: live, not expired, no view restriction,
no unpublished page above.
"""

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.db.models.lookups import StartsWith
from django.utils import timezone
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from cms.queries import images_with_renditions
from commerce.pricing import filter_by_price_range


def without_unpublished_ancestors(queryset):
    """`queryset` less the pages under a non-live page (below the tree root).

    The list form of `has_unpublished_ancestor`, for the sitemap and the course
    queryset: a live lesson of an unpublished course is not on the site. One
    subquery (an ancestor's tree path is a prefix of its descendants'), no
    extra query.
    """
    non_live_above = Page.objects.filter(
        StartsWith(OuterRef("path"), F("path")), live=False, depth__gt=1
    )
    return queryset.exclude(Exists(non_live_above))


class CourseQuerySet(PageQuerySet):
    def visible(self, locale=None):
        """Courses a visitor may find now: live, not expired, not private, and
        not under an unpublished catalog."""
        queryset = without_unpublished_ancestors(
            self.live()
            .public()
            .filter(expired=False)
            .exclude(expire_at__lte=timezone.now())
        )
        return queryset if locale is None else queryset.filter(locale=locale)

    def matching(self, criteria):
        """Courses meeting the filters `criteria` (cms.catalog.Criteria).

        The catalog page and search on SQLite ask this; search.postgres says the
        same in SQL over its index.
        """
        queryset = self
        if criteria.category:
            queryset = queryset.filter(category__slug=criteria.category)
        if criteria.level:
            queryset = queryset.filter(level=criteria.level)
        if criteria.duration_min is not None:
            queryset = queryset.filter(duration_minutes__gte=criteria.duration_min)
        if criteria.duration_max is not None:
            queryset = queryset.filter(duration_minutes__lt=criteria.duration_max)
        if criteria.filters_price:
            queryset = filter_by_price_range(
                queryset, criteria.price_min, criteria.price_max, criteria.currency
            )
        return queryset

    def for_cards(self):
        """Ready for course cards: category, locale, cover renditions, no bodies."""
        return (
            self.select_related("category", "locale")
            .prefetch_related(
                Prefetch("cover_image", queryset=images_with_renditions())
            )
            .defer_streamfields()
        )

    def translations_of(self, courses, locale):
        """The visible versions of `courses` in `locale`, card-ready, in order.

        Courses without a visible translation are left out (a course scheduled
        for next week must not appear on the home page before then).
        """
        keys = [course.translation_key for course in courses if course is not None]
        if not keys:
            return []
        found = {
            course.translation_key: course
            for course in self.visible(locale)
            .filter(translation_key__in=keys)
            .for_cards()
        }
        return [found[key] for key in keys if key in found]


CourseManager = PageManager.from_queryset(CourseQuerySet)


def with_visible_courses(categories, courses):
    """`categories` that have visible courses, each with `course_count`."""
    return categories.annotate(
        course_count=Count("courses", filter=Q(courses__in=courses))
    ).filter(course_count__gt=0)
