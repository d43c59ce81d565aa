"""Which pages the storefront search may find, and the text it may find them by.

One `SearchDocument` per course page that a visitor could open right now: live,
not expired, no view restriction on it or an ancestor; and one per listable
event and digital product (search.documents: each kind's own queryset rule).
A course's document holds the
course's own text plus the titles of its lessons and the body of *free-preview*
lessons only: a paid lesson's body must never be searchable, or result snippets
would leak it (its title is shown on the course page anyway).

Called by the signal handlers (search/signals.py) on publish, unpublish,
translation sync (wagtail-localize publishes a revision) and view-restriction
changes (an event's cancellation publishes a revision), and by
`manage.py index_courses` (every kind) for bulk-loaded catalogs.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from cms.models import CoursePage, LessonPage
from downloads.models import DownloadPage
from events.models import EventPage
from search import cache, documents, postgres
from search.documents import clean_text, sentences
from search.models import SearchDocument

__all__ = ["clean_text"]


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
        "kind": "course",
        "language": course.locale.language_code,
        "translation_key": course.translation_key,
        "title": clean_text(course.title),
        "summary": clean_text(sentences(course.subtitle, course.summary)),
        "body": clean_text(" ".join(filter(None, body))),
        "category_id": category.pk if category else None,
        "category_slug": category.slug if category else "",
        "category_name": clean_text(category.name) if category else "",
        "level": course.level or "",
        "duration_minutes": course.duration_minutes or 0,
        "first_published_at": course.first_published_at,
        "starts_at": None,
        "expire_at": course.expire_at,
    }


@dataclass(frozen=True)
class Indexed:
    """One kind of indexed page: its model, which of its pages are listable
    (all languages, `locale` loaded) and its document's columns."""

    model: type
    listable: object
    fields: object


KINDS = (
    Indexed(
        CoursePage,
        lambda: CoursePage.objects.visible().select_related("locale", "category"),
        document_fields,
    ),
    Indexed(EventPage, documents.listable_events, documents.event_fields),
    Indexed(DownloadPage, documents.listable_downloads, documents.download_fields),
)


def indexed_kind(page):
    """The Indexed entry for `page` (any Page), or None."""
    specific = page.specific_class
    for indexed in KINDS:
        if specific is not None and issubclass(specific, indexed.model):
            return indexed
    return None


def index_page(page):
    """Add, refresh or remove `page`'s document (a course, event or download)
    to match what visitors are offered."""
    if not enabled():
        return False
    indexed = indexed_kind(page)
    if indexed is None:
        return False
    # The page row holds the live content (drafts live in revisions), so read it
    # fresh: the signal's instance may carry a scheduled, not-yet-live revision.
    listable = indexed.listable().filter(pk=page.pk).first()
    if listable is None:
        if SearchDocument.objects.filter(page_id=page.pk).delete()[0]:
            cache.bump()
        return False
    with transaction.atomic():
        SearchDocument.objects.update_or_create(
            page_id=listable.pk, defaults=indexed.fields(listable)
        )
        postgres.refresh_vectors([listable.pk])
    cache.bump()
    return True


def remove_page(page):
    """Forget `page` (and, for a lesson, refresh its course)."""
    if not enabled():
        return
    SearchDocument.objects.filter(page_id=page.pk).delete()
    cache.bump()
    reindex_related(page)


def indexable_under(page):
    """Indexed kinds' pages at or below `page` in the tree."""
    return Page.objects.filter(path__startswith=page.path).filter(
        content_type__in=[
            ContentType.objects.get_for_model(indexed.model) for indexed in KINDS
        ]
    )


def reindex_related(page):
    """Refresh the document(s) whose content depends on `page`.

    A course, event or download indexes itself; a lesson refreshes its course
    (lesson titles and free-preview bodies are part of it). Publishing or
    unpublishing any other page (catalog, home) changes no page's visibility:
    Wagtail unpublishes descendants one by one, each with its own signal.
    """
    if not enabled():
        return 0
    if indexed_kind(page) is not None:
        return int(index_page(page))
    specific = page.specific_class
    if specific is not None and issubclass(specific, LessonPage):
        parent_path = page.path[: -Page.steplen]
        course = CoursePage.objects.filter(path=parent_path).first()
        return int(index_page(course)) if course else 0
    return 0


def reindex_for_restriction(restriction):
    """A view restriction was added or removed: the pages beneath change.

    Adding one removes their documents at once (one DELETE, whatever the size of
    the subtree); removing one indexes them again.
    """
    if not enabled():
        return
    page = Page.objects.filter(pk=restriction.page_id).first()
    if page is None:
        return
    pages = indexable_under(page)
    if PageViewRestriction.objects.filter(pk=restriction.pk).exists():
        SearchDocument.objects.filter(page_id__in=pages.values("pk")).delete()
        cache.bump()
        if page.specific_class is not None and issubclass(
            page.specific_class, LessonPage
        ):
            reindex_related(page)  # a restricted lesson: refresh its course
        return
    for listed in pages.iterator():
        index_page(listed)
    reindex_related(page)


def reindex_category(category):
    """A category was renamed: refresh the documents that show its name."""
    if not enabled():
        return
    for course in CoursePage.objects.filter(category=category).only("pk"):
        index_page(course)


def rebuild(batch_size=500, stdout=None):
    """Rebuild every document, of every kind, from the page tree.

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
    pages = (
        (course, document_fields(course, lessons_by_course.get(course.path, [])))
        for course in courses.iterator(chunk_size=batch_size)
    )
    written = 0
    keep = set()
    batch = []
    for page, fields in _with_other_kinds(pages, batch_size):
        keep.add(page.pk)
        batch.append(SearchDocument(page_id=page.pk, **fields))
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


def _with_other_kinds(course_rows, batch_size):
    """(page, fields) of the courses, then of every other indexed kind."""
    yield from course_rows
    for indexed in KINDS:
        if indexed.model is CoursePage:
            continue
        for page in indexed.listable().order_by("pk").iterator(chunk_size=batch_size):
            yield page, indexed.fields(page)


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
