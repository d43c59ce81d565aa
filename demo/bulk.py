"""A large generated catalog (e.g. 10,000 courses per language) in minutes.

Creating pages one by one through Wagtail (tree updates, revisions, search index,
wagtail-localize segments) costs ~0.3 s each; 80,000 pages would take hours. For
benchmarks we insert rows in bulk instead: `Page` rows with tree paths computed
here, then the `CoursePage` / `LessonPage` rows that extend them. English and
Spanish copies share a `translation_key`, so they are translations of each other
for the site (switcher, hreflang), and Spanish ones link Spanish categories.

What is skipped, deliberately: revisions (Wagtail edits from the live page),
the search index (run `manage.py update_index` if needed) and wagtail-localize's
TranslationSource (editors can start one with "Translate" on an English page).
See docs/decisions/0012-bulk-demo-catalog.md.
"""

import uuid
from datetime import timedelta
from itertools import cycle

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from cms.models import Category, CourseInstructor, CoursePage, Instructor, LessonPage

BATCH = 1000
EN_PREFIX, ES_PREFIX = "course-", "curso-"

TOPICS = [
    ("Meditation", "Meditación"),
    ("Yoga", "Yoga"),
    ("Mindfulness", "Atención plena"),
    ("Breathwork", "Respiración consciente"),
]
AUDIENCES = [
    ("beginners", "principiantes"),
    ("busy people", "personas ocupadas"),
    ("teachers", "profesores"),
    ("families", "familias"),
    ("athletes", "deportistas"),
    ("students", "estudiantes"),
    ("older adults", "personas mayores"),
    ("night owls", "noctámbulos"),
]
LEVELS = [
    ("beginner", "básico"),
    ("intermediate", "intermedio"),
    ("advanced", "avanzado"),
    ("all", "para todos"),
]
LESSON_TITLES = [
    ("Arriving", "Llegar"),
    ("Breath and body", "Respiración y cuerpo"),
    ("Going deeper", "Profundizar"),
    ("Everyday practice", "Práctica diaria"),
    ("Closing", "Cierre"),
    ("Review", "Repaso"),
    ("Questions", "Preguntas"),
    ("Next steps", "Próximos pasos"),
]


def _step(number):
    """Tree path step for the `number`th child (treebeard's base-36, 4 chars)."""
    return Page._get_path("", 1, number)


def _last_child_number(parent):
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return int(last[-Page.steplen :], 36) if last else 0


def _existing(index, prefix):
    return CoursePage.objects.child_of(index).filter(slug__startswith=prefix).count()


def _insert_children(model, rows):
    """Insert the model's own table rows for Page rows that already exist."""
    fields = model._meta.local_concrete_fields
    with transaction.atomic():
        for start in range(0, len(rows), BATCH):
            model._base_manager._insert(rows[start : start + BATCH], fields=fields)


def ensure_bulk_courses(index, count, lessons_per_course=3):
    """Make sure `count` generated courses exist under each language's catalog.

    Returns how many were created per language (0 when already there).
    """
    en = Locale.objects.get(language_code="en")
    es = Locale.objects.get(language_code="es")
    index_es = index.get_translation(es)
    have = min(_existing(index, EN_PREFIX), _existing(index_es, ES_PREFIX))
    wanted = count - have
    if wanted <= 0:
        return 0
    covers = list(get_image_model().objects.filter(title__startswith="Demo cover:"))
    categories = {
        lang: list(Category.objects.filter(locale=locale).order_by("translation_key"))
        for lang, locale in (("en", en), ("es", es))
    }
    instructors = list(Instructor.objects.filter(locale=en))
    keys = [uuid.uuid4() for _ in range(wanted)]
    now = timezone.now()
    with transaction.atomic():
        for lang, parent, locale, prefix in (
            ("en", index, en, EN_PREFIX),
            ("es", index_es, es, ES_PREFIX),
        ):
            _build_language(
                lang,
                parent,
                locale,
                prefix,
                start=have,
                keys=keys,
                now=now,
                covers=covers,
                categories=categories[lang],
                instructors=instructors,
                lessons_per_course=lessons_per_course,
            )
        # Before the commit: it fires every deferred foreign-key check at once.
        _refresh_planner_statistics()
    return wanted


def _refresh_planner_statistics():
    """Fresh statistics for tens of thousands of new rows.

    Without them PostgreSQL plans catalog queries for a tiny table (measured:
    120 ms instead of 20 ms). Run inside the loading transaction, ANALYZE also
    invalidates the connection's cached foreign-key check plans, made while
    `wagtailcore_page` held a few hundred rows: they scan the whole table, and
    the commit's 90,000 deferred checks took minutes instead of seconds.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "ANALYZE wagtailcore_page, cms_coursepage, cms_lessonpage, "
            "cms_courseinstructor"
        )


def _build_language(
    lang,
    parent,
    locale,
    prefix,
    *,
    start,
    keys,
    now,
    covers,
    categories,
    instructors,
    lessons_per_course,
):
    li = 0 if lang == "en" else 1
    course_type = ContentType.objects.get_for_model(CoursePage)
    lesson_type = ContentType.objects.get_for_model(LessonPage)
    first_number = _last_child_number(parent) + 1
    cover_cycle = cycle(covers or [None])
    pages, details, lesson_pages, lesson_details, links = [], [], [], [], []
    for offset, key in enumerate(keys):
        number = start + offset + 1
        topic = TOPICS[number % len(TOPICS)]
        audience = AUDIENCES[number % len(AUDIENCES)]
        level = LEVELS[number % len(LEVELS)]
        slug = f"{prefix}{number:05d}"
        title = (
            f"{topic[0]} for {audience[0]} {number}"
            if li == 0
            else f"{topic[1]} para {audience[1]} {number}"
        )
        path = parent.path + _step(first_number + offset)
        published = now - timedelta(minutes=number)
        page = Page(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=course_type,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            url_path=f"{parent.url_path}{slug}/",
            locale=locale,
            translation_key=key,
            path=path,
            depth=parent.depth + 1,
            numchild=lessons_per_course,
        )
        pages.append(page)
        minutes = 20 * lessons_per_course + (number % 9) * 15
        summary = (
            f"A {level[0]} course of {lessons_per_course} lessons on "
            f"{topic[0].lower()} for {audience[0]}."
            if li == 0
            else f"Un curso de nivel {level[1]} con {lessons_per_course} lecciones de "
            f"{topic[1].lower()} para {audience[1]}."
        )
        cover = next(cover_cycle)
        details.append(
            {
                "subtitle": "",
                "summary": summary,
                "cover_image": cover,
                "cover_image_alt": title if cover else "",
                "body": [("rich_text", f"<p>{summary}</p>")],
                "level": level[0],
                "duration_minutes": minutes,
                "category": categories[number % len(categories)]
                if categories
                else None,
                "instructor": instructors[number % len(instructors)]
                if instructors
                else None,
            }
        )
        for position in range(1, lessons_per_course + 1):
            lesson_title = LESSON_TITLES[(position - 1) % len(LESSON_TITLES)][li]
            lesson_slug = f"{position:02d}"
            lesson_pages.append(
                Page(
                    title=lesson_title,
                    draft_title=lesson_title,
                    slug=lesson_slug,
                    content_type=lesson_type,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    url_path=f"{parent.url_path}{slug}/{lesson_slug}/",
                    locale=locale,
                    translation_key=uuid.uuid5(key, str(position)),
                    path=path + _step(position),
                    depth=parent.depth + 2,
                    numchild=0,
                )
            )
            lesson_details.append(
                {"duration_minutes": 20, "is_free_preview": position == 1}
            )
    Page.objects.bulk_create(pages, batch_size=BATCH)
    Page.objects.bulk_create(lesson_pages, batch_size=BATCH)
    course_rows = []
    for page, data in zip(pages, details, strict=True):
        row = CoursePage(
            page_ptr_id=page.pk,
            subtitle=data["subtitle"],
            summary=data["summary"],
            cover_image=data["cover_image"],
            cover_image_alt=data["cover_image_alt"],
            body=data["body"],
            level=data["level"],
            duration_minutes=data["duration_minutes"],
            category=data["category"],
        )
        course_rows.append(row)
        if data["instructor"] is not None:
            links.append(
                CourseInstructor(
                    page_id=page.pk, instructor=data["instructor"], sort_order=0
                )
            )
    _insert_children(CoursePage, course_rows)
    lesson_rows = [
        LessonPage(
            page_ptr_id=page.pk,
            body=[("rich_text", "<p>…</p>")],
            video_url="",
            duration_minutes=data["duration_minutes"],
            is_free_preview=data["is_free_preview"],
        )
        for page, data in zip(lesson_pages, lesson_details, strict=True)
    ]
    _insert_children(LessonPage, lesson_rows)
    CourseInstructor.objects.bulk_create(links, batch_size=BATCH)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
