"""Editors can only build the catalog's shape, and every page type renders and
previews (Wagtail's own page-test assertions)."""

import shutil
import tempfile

from django.test import override_settings
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.models import CourseIndexPage, CoursePage, LessonPage
from home.bootstrap import ensure_site
from home.models import HomePage, StandardPage

MEDIA = tempfile.mkdtemp(prefix="catalog-media-")


@override_settings(MEDIA_ROOT=MEDIA)
class CatalogPageTypesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        from django.core.cache import cache

        cache.clear()  # site root paths cached by other tests' trees
        cls.home = ensure_site()
        cls.index = cls.home.add_child(
            instance=CourseIndexPage(title="Courses", slug="courses")
        )
        cls.course = cls.index.add_child(
            instance=CoursePage(
                title="Slow Breathing",
                slug="slow-breathing",
                summary="Breathe slowly and calm down.",
                duration_minutes=45,
            )
        )
        cls.lesson = cls.course.add_child(
            instance=LessonPage(title="Counting", slug="counting", duration_minutes=10)
        )

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA, ignore_errors=True)

    def test_pages_fit_only_where_the_storefront_expects_them(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(HomePage, CoursePage)
        self.assertCanNotCreateAt(CourseIndexPage, LessonPage)
        self.assertCanNotCreateAt(Page, CoursePage)

    def test_every_catalog_page_renders(self):
        # (Routing under /en/ and /es/ is covered by test_catalog_pages.py:
        # assertPageIsRoutable does not know the language prefix.)
        for page in (self.index, self.course, self.lesson):
            self.assertPageIsRenderable(page)

    def test_course_and_lesson_preview_in_every_mode(self):
        course_form = nested_form_data(
            {
                "title": self.course.title,
                "slug": self.course.slug,
                "summary": self.course.summary,
                "level": "all",
                "duration_minutes": 45,
                "body": streamfield([]),
                "learning_outcomes": streamfield([("item", "Breathe slowly")]),
                "prerequisites": streamfield([]),
                "course_instructors": inline_formset([]),
            }
        )
        lesson_form = nested_form_data(
            {
                "title": self.lesson.title,
                "slug": self.lesson.slug,
                "duration_minutes": 10,
                "body": streamfield([]),
            }
        )
        # Every mode: default, "as an anonymous visitor", "as an enrolled learner".
        self.assertPageIsPreviewable(self.course, post_data=course_form)
        self.assertPageIsPreviewable(self.lesson, post_data=lesson_form)

    def test_cover_image_without_alt_text_is_refused(self):
        from django.core.exceptions import ValidationError
        from wagtail.images import get_image_model
        from wagtail.images.tests.utils import get_test_image_file

        image = get_image_model().objects.create(
            title="cover", file=get_test_image_file()
        )
        self.course.cover_image = image
        self.course.cover_image_alt = "  "
        with self.assertRaises(ValidationError) as refused:
            self.course.full_clean()
        self.assertIn("cover_image_alt", refused.exception.message_dict)


class LessonOrderFollowsEnglishTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        from django.core.cache import cache
        from wagtail.models import Locale

        from demo.localize import translate

        cache.clear()
        home = ensure_site()
        spanish = Locale.objects.get(language_code="es")
        index = home.add_child(instance=CourseIndexPage(title="Courses", slug="c"))
        translate(index, spanish, {"Courses": "Cursos", "c": "cursos"})
        cls.course = index.add_child(
            instance=CoursePage(title="Calm", slug="calm", summary="Be calm.")
        )
        translate(cls.course, spanish, {"Calm": "Calma", "calm": "calma"})
        cls.lessons = []
        for number, (english, spanish_title) in enumerate(
            [("One", "Uno"), ("Two", "Dos"), ("Three", "Tres")], start=1
        ):
            lesson = cls.course.add_child(
                instance=LessonPage(title=english, slug=f"l{number}")
            )
            translate(lesson, spanish, {english: spanish_title})
            cls.lessons.append(lesson)
        cls.spanish_course = cls.course.get_translation(spanish)

    def spanish_order(self):
        return list(
            self.spanish_course.get_children()
            .order_by("path")
            .values_list("title", flat=True)
        )

    def test_reordering_english_lessons_reorders_the_spanish_ones(self):
        self.assertEqual(self.spanish_order(), ["Uno", "Dos", "Tres"])
        one, _two, three = (Page.objects.get(pk=p.pk) for p in self.lessons)
        three.move(one, pos="left")
        self.assertEqual(self.spanish_order(), ["Tres", "Uno", "Dos"])
        first = Page.objects.get(pk=self.lessons[0].pk)
        first.move(self.course, pos="last-child")
        self.assertEqual(self.spanish_order(), ["Tres", "Dos", "Uno"])
