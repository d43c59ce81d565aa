"""Build the bilingual demo catalog with Wagtail's and wagtail-localize's own APIs.

English pages are created like an editor would (add_child, save_revision,
publish); Spanish ones are real wagtail-localize translations (demo/localize.py).
Everything is looked up before it is created, so running it again changes nothing.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from cms.models import (
    Category,
    CourseIndexPage,
    CourseInstructor,
    CoursePage,
    Instructor,
    LessonPage,
)
from demo import content
from demo.covers import ensure_cover
from demo.localize import translate
from home.models import HomeFeaturedCourse, HomePage, StandardPage

EN, ES = 0, 1


def _p(text):
    return f"<p>{text}</p>"


def _pairs(*pairs_lists):
    """{english: spanish} from lists of (english, spanish) pairs."""
    mapping = {}
    for pairs in pairs_lists:
        for english, spanish in pairs:
            mapping[english] = spanish
    return mapping


def _faq_block(lang):
    return {
        "heading": content.FAQ_HEADING[lang],
        "items": [{"question": q[lang], "answer": _p(a[lang])} for q, a in content.FAQ],
    }


def _faq_pairs():
    return [content.FAQ_HEADING] + [pair for q, a in content.FAQ for pair in (q, a)]


class DemoCatalog:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.en = Locale.objects.get(language_code="en")
        self.es = Locale.objects.get(language_code="es")

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    # Snippets ---------------------------------------------------------------
    def categories(self):
        result = {}
        for data in content.CATEGORIES:
            category = Category.objects.filter(
                locale=self.en, slug=data["slug"][EN]
            ).first()
            if category is None:
                category = Category.objects.create(
                    locale=self.en,
                    name=data["name"][EN],
                    slug=data["slug"][EN],
                    description=data["description"][EN],
                )
            if not category.has_translation(self.es):
                translate(
                    category,
                    self.es,
                    _pairs([data["name"], data["slug"], data["description"]]),
                )
            result[data["key"]] = category
        return result

    def instructors(self):
        result = {}
        for data in content.INSTRUCTORS:
            instructor = Instructor.objects.filter(
                locale=self.en, name=data["name"]
            ).first()
            if instructor is None:
                instructor = Instructor.objects.create(
                    locale=self.en, name=data["name"], bio=_p(data["bio"][EN])
                )
            if not instructor.has_translation(self.es):
                translate(instructor, self.es, _pairs([data["bio"]]))
            result[data["key"]] = instructor
        return result

    # Pages ------------------------------------------------------------------
    def home(self, english_home):
        spanish_home = english_home.get_translation(self.es).specific
        for page, lang in ((english_home, EN), (spanish_home, ES)):
            if not page.hero_heading:
                page.hero_heading = content.HOME["hero_heading"][lang]
                page.hero_cta_label = content.HOME["cta"][lang]
                page.save_revision().publish()
        return spanish_home

    def catalog(self, english_home):
        index = (
            CourseIndexPage.objects.child_of(english_home)
            .filter(locale=self.en)
            .first()
        )
        if index is None:
            index = english_home.add_child(
                instance=CourseIndexPage(
                    title=content.CATALOG["title"][EN],
                    slug=content.CATALOG["slug"][EN],
                    intro=_p(content.CATALOG["intro"][EN]),
                    locale=self.en,
                )
            )
            index.save_revision().publish()
        if not index.has_translation(self.es):
            translate(
                index,
                self.es,
                _pairs(
                    [
                        content.CATALOG["title"],
                        content.CATALOG["slug"],
                        content.CATALOG["intro"],
                    ]
                ),
            )
        return index

    def course(self, index, data, categories, instructors, cover):
        lang = EN
        course = (
            CoursePage.objects.child_of(index).filter(slug=data["slug"][EN]).first()
        )
        state = (
            "scheduled"
            if data["slug"][EN] == content.SCHEDULED_COURSE
            else "draft"
            if data["slug"][EN] == content.DRAFT_COURSE
            else "live"
        )
        quote, attribution = content.QUOTES[data["category"]]
        if course is None:
            course = CoursePage(
                title=data["title"][lang],
                slug=data["slug"][lang],
                subtitle=data["subtitle"][lang],
                summary=data["summary"][lang],
                cover_image=cover,
                cover_image_alt=data["alt"][lang],
                level=data["level"],
                duration_minutes=data["minutes"],
                category=categories[data["category"]],
                locale=self.en,
                live=state == "live",
                body=[
                    ("rich_text", _p(data["about"][lang])),
                    ("quote", {"quote": quote[lang], "attribution": attribution[lang]}),
                    (
                        "callout",
                        {
                            "tone": "tip",
                            "title": content.TIP_TITLE[lang],
                            "text": _p(content.TIP[lang]),
                        },
                    ),
                    ("faq", _faq_block(lang)),
                ],
                learning_outcomes=[("item", pair[lang]) for pair in data["outcomes"]],
                prerequisites=[("item", pair[lang]) for pair in data["prerequisites"]],
            )
            if state == "scheduled":
                course.go_live_at = timezone.now() + timedelta(days=7)
            course.course_instructors = [
                CourseInstructor(instructor=instructors[key], sort_order=position)
                for position, key in enumerate(data["instructors"])
            ]
            index.add_child(instance=course)
            revision = course.save_revision()
            if state != "draft":
                revision.publish()  # scheduled: Wagtail keeps it waiting for go_live_at
            course.refresh_from_db()
            for position, lesson_data in enumerate(data["lessons"], start=1):
                self.lesson(course, data, lesson_data, position, live=state == "live")

        pairs = _pairs(
            [
                data["title"],
                data["slug"],
                data["subtitle"],
                data["summary"],
                data["about"],
            ],
            [data["alt"], quote, attribution, content.TIP_TITLE, content.TIP],
            _faq_pairs(),
            data["outcomes"],
            data["prerequisites"],
        )
        if not course.has_translation(self.es):
            source = (
                course if state == "live" else course.get_latest_revision_as_object()
            )
            spanish = translate(source, self.es, pairs, publish=state == "live")
            if state == "scheduled":
                spanish.go_live_at = course.go_live_at
                spanish.save_revision().publish()
        spanish_lessons_missing = [
            lesson
            for lesson in LessonPage.objects.child_of(course).order_by("path")
            if not lesson.has_translation(self.es)
        ]
        for lesson in spanish_lessons_missing:
            lesson_data = next(
                (item for item in data["lessons"] if item["title"][EN] == lesson.title),
                None,
            )
            if lesson_data is None:
                continue
            lesson_pairs = _pairs(
                [
                    lesson_data["title"],
                    (lesson.slug, lesson.slug[:3] + _slug_es(lesson_data["title"][ES])),
                ],
                [content.LESSON_BODY, content.LESSON_REFLECTION],
            )
            spanish_lesson = translate(
                lesson.specific, self.es, lesson_pairs, publish=state == "live"
            )
            if state == "scheduled":
                spanish_lesson.go_live_at = course.go_live_at
                spanish_lesson.save_revision().publish()
        return course

    def lesson(self, course, course_data, lesson_data, position, live):
        lesson = LessonPage(
            title=lesson_data["title"][EN],
            slug=f"{position:02d}-{_slug_es(lesson_data['title'][EN])}",
            duration_minutes=lesson_data["minutes"],
            is_free_preview=lesson_data["free"],
            video_url=content.VIDEO_URL,
            locale=self.en,
            live=live,
            go_live_at=course.go_live_at,
            body=[
                ("rich_text", _p(content.LESSON_BODY[EN])),
                ("rich_text", _p(content.LESSON_REFLECTION[EN])),
            ],
        )
        course.add_child(instance=lesson)
        revision = lesson.save_revision()
        if live or course.go_live_at:
            revision.publish()
        return lesson

    def standard_pages(self, english_home):
        for data in content.STANDARD_PAGES:
            page = (
                StandardPage.objects.child_of(english_home)
                .filter(slug=data["slug"][EN])
                .first()
            )
            if page is None:
                body = [("rich_text", _p(text[EN])) for text in data["paragraphs"]]
                if data.get("faq"):
                    body.append(("faq", _faq_block(EN)))
                page = english_home.add_child(
                    instance=StandardPage(
                        title=data["title"][EN],
                        slug=data["slug"][EN],
                        intro=data["intro"][EN],
                        body=body,
                        locale=self.en,
                    )
                )
                page.save_revision().publish()
            if not page.has_translation(self.es):
                translate(
                    page,
                    self.es,
                    _pairs(
                        [data["title"], data["slug"], data["intro"]],
                        data["paragraphs"],
                        _faq_pairs() if data.get("faq") else [],
                    ),
                )

    def featured(self, english_home, spanish_home, courses):
        picks = [courses[slug] for slug in content.FEATURED if slug in courses]
        for home in (english_home, spanish_home):
            if home.featured_courses.exists():
                continue
            for position, course in enumerate(picks):
                HomeFeaturedCourse.objects.create(
                    page=home, course=course, sort_order=position
                )

    def build(self, english_home, courses=None):
        """Build everything; `courses` limits the course list (tests use a few)."""
        english_home = HomePage.objects.get(pk=english_home.pk)
        spanish_home = self.home(english_home)
        categories = self.categories()
        instructors = self.instructors()
        index = self.catalog(english_home)
        colours = {data["key"]: data["colours"] for data in content.CATEGORIES}
        built = {}
        for data in content.COURSES if courses is None else courses:
            cover = ensure_cover(
                f"Demo cover: {data['slug'][EN]}",
                data["slug"][EN],
                colours[data["category"]],
            )
            built[data["slug"][EN]] = self.course(
                index, data, categories, instructors, cover
            )
            self.log(f"  course: {data['title'][EN]} / {data['title'][ES]}")
        self.standard_pages(english_home)
        self.featured(english_home, spanish_home, built)
        return index


def _slug_es(text):
    from django.utils.text import slugify

    return slugify(text)[:60]
