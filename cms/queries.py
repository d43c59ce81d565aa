"""Database reads the storefront templates need, each a fixed number of queries.

A page must cost the same number of SQL queries with 12 courses as with 10,000
(bench/pages.py checks it), so everything here fetches in bulk: images with their
renditions, translations by `translation_key`.
"""

from django.db.models import Count, Prefetch, Q
from wagtail.images import get_image_model


def images_with_renditions():
    """Images queryset whose renditions come along in one extra query."""
    return get_image_model().objects.prefetch_renditions()


def course_lessons(course):
    """The course's live lessons in editor order, bodies not loaded."""
    from cms.models import LessonPage

    return list(
        LessonPage.objects.child_of(course).live().order_by("path").defer_streamfields()
    )


def lesson_neighbours(lesson):
    """(previous, next) live sibling lessons, or None at either end."""
    from cms.models import LessonPage

    siblings = LessonPage.objects.sibling_of(lesson, inclusive=False).live()
    fields = ("id", "title", "slug", "url_path", "path", "depth", "locale_id")
    previous = (
        siblings.filter(path__lt=lesson.path).order_by("-path").only(*fields).first()
    )
    following = (
        siblings.filter(path__gt=lesson.path).order_by("path").only(*fields).first()
    )
    return previous, following


def localize_objects(objects, locale):
    """Each object's version in `locale` (the object itself when untranslated).

    For translatable snippets and pages linked from non-translated relations.
    Keeps the given order; one query whatever the number of objects.
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    model = type(objects[0])
    keys = {obj.translation_key for obj in objects}
    queryset = model.objects.filter(translation_key__in=keys, locale=locale)
    if hasattr(model, "photo"):
        queryset = queryset.prefetch_related(
            Prefetch("photo", queryset=images_with_renditions())
        )
    translated = {obj.translation_key: obj for obj in queryset}
    return [translated.get(obj.translation_key, obj) for obj in objects]


def localized_instructors(course):
    """The course's instructors, in order, in the course's language."""
    links = course.course_instructors.select_related("instructor")
    return localize_objects([link.instructor for link in links], course.locale_id)


def for_cards(queryset):
    """A CoursePage queryset ready for course cards: category, cover renditions."""
    return (
        queryset.select_related("category", "locale")
        .prefetch_related(Prefetch("cover_image", queryset=images_with_renditions()))
        .defer_streamfields()
    )


def live_courses(locale):
    """Every live, public course in `locale` (none under an unpublished catalog)."""
    from cms.models import CoursePage
    from cms.publishing.scheduling import without_unpublished_ancestors

    return without_unpublished_ancestors(
        CoursePage.objects.live().public().filter(locale=locale)
    )


def localized_live_courses(courses, locale):
    """Live translations of `courses` in `locale`, card-ready, in the given order.

    Courses without a live translation in that language are left out (a course
    scheduled for next week must not appear on the home page before then).
    """
    keys = [course.translation_key for course in courses if course is not None]
    if not keys:
        return []
    found = {
        course.translation_key: course
        for course in for_cards(live_courses(locale).filter(translation_key__in=keys))
    }
    return [found[key] for key in keys if key in found]


def categories_with_courses(locale):
    """The categories of `locale` that have live courses, each with `course_count`.

    The home page lists them; the empty search page offers the biggest ones.
    """
    from cms.models import Category

    return (
        Category.objects.filter(locale_id=locale)
        .annotate(
            course_count=Count(
                "courses", filter=Q(courses__live=True, courses__locale_id=locale)
            )
        )
        .filter(course_count__gt=0)
    )
