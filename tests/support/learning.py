"""Helpers for the learning tests: an enrolled learner on the commerce test course.

The course (tests/commerce_support.build_course) has two lessons, "Welcome" (free
preview) and "Deep practice", each with a Spanish translation.
"""

from commerce.enrollments import enroll
from commerce.models import Enrollment
from tests.support.commerce import make_learner


def enrolled_learner(course, email="ana@example.com", name="Ana García"):
    """A verified learner granted the course through commerce's own `enroll`."""
    learner = make_learner(email=email)
    learner.name = name
    learner.save(update_fields=["name"])
    enroll(learner, course.product, source=Enrollment.SOURCE_GRANT)
    return learner


def add_lesson(course_page, title, slug):
    """Publish one more lesson at the end of the course."""
    from cms.models import LessonPage

    lesson = course_page.add_child(instance=LessonPage(title=title, slug=slug))
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


def complete_url(lesson):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(lesson.locale.language_code):
        return reverse("learning:complete_lesson", args=[lesson.pk])
