"""The access rule, in one place: may this user open this lesson's body?

A paid lesson opens for a learner enrolled in its course (any language version),
and for staff. Free-preview lessons open for everyone. Everyone else sees the
title, the price and "Enroll". The storefront (cms/access.py) adds share links,
which are its own, and asks here for the rest.
"""

from commerce.models import Enrollment


def is_staff(user):
    return bool(user and user.is_authenticated and (user.is_staff or user.is_superuser))


def is_enrolled(user, course):
    """Has `user` an active enrollment in `course` (a course page, any language)?"""
    if not user or not user.is_authenticated or course is None:
        return False
    return (
        Enrollment.objects.active()
        .filter(user=user, product__translation_key=course.translation_key)
        .exists()
    )


def opens_every_lesson(user, course, enrolled=None):
    """Does `user` open every lesson of `course`, paid or not (staff, enrolled)?

    Without a share link, everyone else opens exactly the free previews, so a
    course's lesson list has these two versions (speedups/render_cache.py).
    `enrolled` spares the query when the caller already knows.
    """
    if is_staff(user):
        return True
    return bool(is_enrolled(user, course) if enrolled is None else enrolled)


def can_open_lesson(user, lesson):
    if getattr(lesson, "is_free_preview", False):
        return True
    if is_staff(user):
        return True
    if not user or not user.is_authenticated:
        return False  # no enrollment to look up: spare the parent query per lesson
    return is_enrolled(user, lesson.get_parent())
