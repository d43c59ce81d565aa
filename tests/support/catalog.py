"""A small bilingual demo catalog built once per test module (rolled back after).

Uses the same builder as `manage.py seed_demo`, so tests see what `make run` shows:
real wagtail-localize translations, a scheduled course and a draft one. Images go
to a temporary MEDIA_ROOT.
"""

from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.test import override_settings

from demo import content

# Two live courses in different categories, plus the scheduled and the draft one.
TEST_COURSES = [
    course
    for course in content.COURSES
    if course["slug"][0]
    in (
        "meditation-for-beginners",
        "gentle-yoga-mornings",
        content.SCHEDULED_COURSE,
        content.DRAFT_COURSE,
    )
]


@contextmanager
def rolled_back():
    atomic = transaction.atomic()
    atomic.__enter__()
    try:
        yield
    finally:
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def build_catalog(generated=0):
    from cms.models import CourseIndexPage, CoursePage
    from demo.bulk import ensure_bulk_courses
    from demo.catalog import DemoCatalog
    from home.bootstrap import ensure_site

    english_home = ensure_site()
    index = DemoCatalog().build(english_home, courses=TEST_COURSES)
    if generated:
        ensure_bulk_courses(index, generated, lessons_per_course=3)
    spanish_index = CourseIndexPage.objects.get(
        translation_key=index.translation_key, locale__language_code="es"
    )
    return SimpleNamespace(
        home=english_home,
        index=index,
        spanish_index=spanish_index,
        course=CoursePage.objects.get(slug="meditation-for-beginners"),
        spanish_course=CoursePage.objects.get(slug="meditacion-para-principiantes"),
        scheduled=CoursePage.objects.get(slug=content.SCHEDULED_COURSE),
        draft=CoursePage.objects.get(slug=content.DRAFT_COURSE),
    )


def module_catalog_fixture(generated=0):
    """A module-scoped fixture returning the catalog namespace."""

    @pytest.fixture(scope="module")
    def catalog(django_db_setup, django_db_blocker, tmp_path_factory):
        media = tmp_path_factory.mktemp("media")
        with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
            with rolled_back():
                yield build_catalog(generated)

    return catalog
