"""Progress through a course: visits, "Mark as complete", percent and resume point.

Percentages are always computed over the course's lessons that are live *now*
(`CoursePage.live_lessons`), matched by translation_key: a lesson added after
enrollment enlarges the denominator, an unpublished one drops out of it, and a
completion recorded in one language counts in the other.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from commerce.access import is_enrolled
from commerce.models import Enrollment
from learning.certificates import issue_certificate
from learning.models import LessonProgress


class NotEnrolled(Exception):
    """Only learners enrolled in the course keep progress."""


@dataclass
class CourseProgress:
    total: int = 0
    completed: int = 0
    completed_keys: set = field(default_factory=set)
    resume_lesson: object = None
    started: bool = False

    @property
    def percent(self):
        if not self.total:
            return 0
        return self.completed * 100 // self.total

    @property
    def is_complete(self):
        return self.total > 0 and self.completed >= self.total


@dataclass
class Completion:
    progress: LessonProgress
    certificate: object = None
    course_completed_now: bool = False


def course_of(lesson):
    """A lesson's course is its parent page."""
    return lesson.get_parent()


def live_lessons(course):
    return course.specific_deferred.live_lessons()


def is_learner(user, course, enrolled=None):
    """Is `user` enrolled (actively) in `course`? Commerce owns the rule;
    `enrolled` is its answer when the caller already has it."""
    if enrolled is not None:
        return enrolled
    return is_enrolled(user, course)


def record_visit(user, lesson, course=None):
    """Remember that an enrolled learner opened `lesson` (for "Continue")."""
    course = course or course_of(lesson)
    if not is_learner(user, course):
        return None
    now = timezone.now()
    progress, created = LessonProgress.objects.get_or_create(
        user=user,
        lesson_key=lesson.translation_key,
        defaults={
            "course_key": course.translation_key,
            "started_at": now,
            "last_visited_at": now,
        },
    )
    if not created:
        LessonProgress.objects.filter(pk=progress.pk).update(last_visited_at=now)
    return progress


def mark_complete(user, lesson):
    """Complete `lesson` for `user`; issue the certificate when it was the last one.

    The learner's enrollment row is locked for the transaction, so two "complete"
    posts for the same course (two tabs, a double click) run one after the other:
    the second sees the first's completion and exactly one certificate is issued.
    Returns a `Completion`; raises NotEnrolled.
    """
    course = course_of(lesson).specific
    with transaction.atomic():
        enrollment = (
            Enrollment.objects.active()
            .select_for_update(of=("self",))
            .select_related("product")
            .filter(user=user, product__translation_key=course.translation_key)
            .first()
        )
        if enrollment is None:
            raise NotEnrolled
        now = timezone.now()
        progress, created = LessonProgress.objects.get_or_create(
            user=user,
            lesson_key=lesson.translation_key,
            defaults={
                "course_key": course.translation_key,
                "started_at": now,
                "last_visited_at": now,
                "completed_at": now,
            },
        )
        was_complete = not created and progress.completed_at is not None
        if not created and progress.completed_at is None:
            progress.completed_at = now
            progress.last_visited_at = now
            progress.save(update_fields=["completed_at", "last_visited_at"])
        certificate = None
        if course_progress(user, course).is_complete:
            certificate = issue_certificate(user, enrollment.product, course)
    return Completion(
        progress=progress,
        certificate=certificate,
        course_completed_now=certificate is not None and not was_complete,
    )


def course_progress(user, course, lessons=None):
    """How far `user` is through `course` (a course page in any language)."""
    lessons = live_lessons(course) if lessons is None else lessons
    result = CourseProgress(total=len(lessons))
    if not user or not user.is_authenticated or not lessons:
        return result
    keys = [lesson.translation_key for lesson in lessons]
    rows = {
        row.lesson_key: row
        for row in LessonProgress.objects.filter(user=user, lesson_key__in=keys)
    }
    result.started = bool(rows)
    result.completed_keys = {key for key, row in rows.items() if row.is_complete}
    result.completed = len(result.completed_keys)
    result.resume_lesson = _resume(lessons, rows)
    return result


def _resume(lessons, rows):
    """The last visited incomplete lesson, else the first incomplete one."""
    incomplete = [
        lesson
        for lesson in lessons
        if not (row := rows.get(lesson.translation_key)) or not row.is_complete
    ]
    if not incomplete:
        return None
    visited = [lesson for lesson in incomplete if lesson.translation_key in rows]
    if visited:
        return max(visited, key=lambda item: rows[item.translation_key].last_visited_at)
    return incomplete[0]
