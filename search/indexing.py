"""Which pages the storefront search may find, and the text it may find them by.

One `SearchDocument` per course page that a visitor could open right now: live,
not expired, no view restriction on it or an ancestor. The document holds the
course's own text plus the titles of its lessons and the body of *free-preview*
lessons only: a paid lesson's body must never be searchable, or result snippets
would leak it (its title is shown on the course page anyway).

Called by the signal handlers (search/signals.py) on publish, unpublish,
translation sync (wagtail-localize publishes a revision) and view-restriction
changes, and by `manage.py index_courses` for bulk-loaded catalogs.
"""

import re

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from cms.models import CoursePage, LessonPage
from search import cache, postgres
from search.models import SearchDocument

# Characters we never store: NUL (PostgreSQL text refuses it) and the two control
# characters search.postgres uses as highlight markers.
_UNSTORABLE = re.compile(r"[\x00\x02\x03]")
_SPACES = re.compile(r"\s+")


def clean_text(value):
    return _SPACES.sub(" ", _UNSTORABLE.sub("", str(value or ""))).strip()


def enabled():
    """The stored index is kept on PostgreSQL only (SQLite uses Wagtail's)."""
    return postgres.is_available()


def _stream_text(value):
    if not value:
        return []
    return [str(text) for text in value.stream_block.get_searchable_content(value)]


def visible_lessons(queryset, restricted_paths):
    """Lessons of `queryset` a visitor could open now, in tree order."""
    now = timezone.now()
    lessons = (
        queryset.live()
        .filter(expired=False)
        .exclude(expire_at__lte=now)
        .order_by("path")
    )
    for lesson in lessons.iterator(chunk_size=2000):
        if not any(lesson.path.startswith(path) for path in restricted_paths):
            yield lesson


def lesson_parts(lesson):
    # searchable_body() is empty unless the lesson is a free preview.
    return [lesson.title, lesson.searchable_body()]


def lesson_text(course):
    """Titles of the course's visible lessons, bodies of the free ones only."""
    restricted = list(
        PageViewRestriction.objects.filter(
            page__path__startswith=course.path
        ).values_list("page__path", flat=True)
    )
    parts = []
    for lesson in visible_lessons(LessonPage.objects.child_of(course), restricted):
        parts.extend(lesson_parts(lesson))
    return parts


def document_fields(course, lessons=None):
    """The column values of `course`'s SearchDocument.

    `lessons` (text parts) may be given by a bulk rebuild that fetched them once.
    """
    category = course.category
    body = [
        *_stream_text(course.body),
        *_stream_text(getattr(course, "learning_outcomes", None)),
        *(lesson_text(course) if lessons is None else lessons),
    ]
    return {
        "language": course.locale.language_code,
        "translation_key": course.translation_key,
        "title": clean_text(course.title),
        "summary": clean_text(
            " ".join(filter(None, [course.subtitle, course.summary]))
        ),
        "body": clean_text(" ".join(filter(None, body))),
        "category_id": category.pk if category else None,
        "category_slug": category.slug if category else "",
        "category_name": clean_text(category.name) if category else "",
        "level": course.level or "",
        "duration_minutes": course.duration_minutes or 0,
        "first_published_at": course.first_published_at,
        "expire_at": course.expire_at,
    }


def index_course(course):
    """Add, refresh or remove `course`'s document to match what visitors see."""
    if not enabled():
        return False
    # The page row holds the live content (drafts live in revisions), so read it
    # fresh: the signal's instance may carry a scheduled, not-yet-live revision.
    visible = (
        CoursePage.objects.visible()
        .select_related("locale", "category")
        .filter(pk=course.pk)
        .first()
    )
    if visible is None:
        if SearchDocument.objects.filter(page_id=course.pk).delete()[0]:
            cache.bump()
        return False
    course = visible
    with transaction.atomic():
        SearchDocument.objects.update_or_create(
            page_id=course.pk, defaults=document_fields(course)
        )
        postgres.refresh_vectors([course.pk])
    cache.bump()
    return True


def remove_page(page):
    """Forget `page` (and, for a lesson, refresh its course)."""
    if not enabled():
        return
    SearchDocument.objects.filter(page_id=page.pk).delete()
    cache.bump()
    reindex_related(page)


def courses_under(page):
    """Course pages at or below `page` in the tree."""
    return CoursePage.objects.filter(path__startswith=page.path)


def reindex_related(page):
    """Refresh the document(s) whose content depends on `page`.

    A course indexes itself; a lesson refreshes its course (lesson titles and
    free-preview bodies are part of it). Publishing or unpublishing any other
    page (catalog, home) changes no course's visibility: Wagtail unpublishes
    descendants one by one, each with its own signal.
    """
    if not enabled():
        return 0
    specific = page.specific_class
    if specific is not None and issubclass(specific, CoursePage):
        return int(index_course(page))
    if specific is not None and issubclass(specific, LessonPage):
        parent_path = page.path[: -Page.steplen]
        course = CoursePage.objects.filter(path=parent_path).first()
        return int(index_course(course)) if course else 0
    return 0


def reindex_for_restriction(restriction):
    """A view restriction was added or removed: the courses beneath change.

    Adding one removes their documents at once (one DELETE, whatever the size of
    the subtree); removing one indexes them again.
    """
    if not enabled():
        return
    page = Page.objects.filter(pk=restriction.page_id).first()
    if page is None:
        return
    courses = courses_under(page)
    if PageViewRestriction.objects.filter(pk=restriction.pk).exists():
        SearchDocument.objects.filter(page_id__in=courses.values("pk")).delete()
        cache.bump()
        if page.specific_class is not None and issubclass(
            page.specific_class, LessonPage
        ):
            reindex_related(page)  # a restricted lesson: refresh its course
        return
    for course in courses.only("pk").iterator():
        index_course(course)
    reindex_related(page)


def reindex_category(category):
    """A category was renamed: refresh the documents that show its name."""
    if not enabled():
        return
    for course in CoursePage.objects.filter(category=category).only("pk"):
        index_course(course)


def rebuild(batch_size=500, stdout=None):
    """Rebuild every document from the page tree (bulk-loaded catalogs).

    Returns the number of documents written. Stale rows (pages no longer public)
    are removed.
    """
    if not enabled():
        return 0
    restricted_paths = list(
        PageViewRestriction.objects.values_list("page__path", flat=True)
    )
    lessons_by_course = {}
    for lesson in visible_lessons(LessonPage.objects.all(), restricted_paths):
        parent_path = lesson.path[: -Page.steplen]
        lessons_by_course.setdefault(parent_path, []).extend(lesson_parts(lesson))
    courses = (
        CoursePage.objects.visible().select_related("locale", "category").order_by("pk")
    )
    written = 0
    keep = set()
    batch = []
    for course in courses.iterator(chunk_size=batch_size):
        keep.add(course.pk)
        fields = document_fields(course, lessons_by_course.get(course.path, []))
        batch.append(SearchDocument(page_id=course.pk, **fields))
        if len(batch) >= batch_size:
            written += _write(batch)
            batch = []
            if stdout is not None:
                stdout.write(f"  {written} documents")
    written += _write(batch)
    stale = SearchDocument.objects.exclude(page_id__in=keep)
    stale.delete()
    postgres.rebuild_terms()
    cache.bump()
    return written


def _write(documents):
    if not documents:
        return 0
    fields = [
        field.name
        for field in SearchDocument._meta.concrete_fields
        if field.editable and not field.primary_key
    ]
    with transaction.atomic():
        SearchDocument.objects.bulk_create(
            documents,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=[*fields, "updated_at"],
        )
        postgres.refresh_vectors([document.page_id for document in documents])
    return len(documents)
