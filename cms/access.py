"""Who may see what of a course: the single place the storefront asks.

`commerce` owns the real rules (enrollments, refunds); until it lands, only free
preview lessons are open and nobody counts as enrolled. The commerce colleague
replaces the bodies of `can_view_lesson_body` and `is_enrolled`; templates and
views only ever go through `viewer_context(request)`.
"""

from dataclasses import dataclass

PREVIEW_ANONYMOUS = "anonymous"
PREVIEW_ENROLLED = "enrolled"


def can_view_lesson_body(request, lesson):
    """May this request see the lesson's body and video?

    Commerce owns the rule (free preview, enrolled learner, staff, or a share
    link for this lesson): `commerce.access.can_open_lesson`.
    """
    from commerce.access import can_open_lesson

    return can_open_lesson(
        getattr(request, "user", None), lesson, share_token=share_token(request)
    )


def is_enrolled(request, course):
    """Is the visitor enrolled in `course`? Commerce owns the rule."""
    from commerce.access import is_enrolled as commerce_is_enrolled

    return commerce_is_enrolled(getattr(request, "user", None), course)


def opens_every_lesson(request, course, enrolled=None):
    """Does this request open every lesson of the course (staff, enrolled)?"""
    from commerce.access import opens_every_lesson as commerce_opens_every_lesson

    return commerce_opens_every_lesson(
        getattr(request, "user", None), course, enrolled=enrolled
    )


def share_token(request):
    """A lesson share link's token, if the request carries one (`?share=`).

    Such a response shows what the token opened: never cached or shared
    (cms/private_responses.py, cms/render_cache.py).
    """
    return request.GET.get("share") if request is not None else None


@dataclass(frozen=True)
class Viewer:
    """How the current request sees courses; admin previews can pretend."""

    preview_mode: str | None = None

    @property
    def is_preview(self):
        return self.preview_mode is not None

    def can_view(self, request, lesson):
        if self.preview_mode == PREVIEW_ENROLLED:
            return True
        if self.preview_mode == PREVIEW_ANONYMOUS:
            return lesson.is_free_preview
        return can_view_lesson_body(request, lesson)

    def opens_every_lesson(self, request, course, enrolled=None):
        if self.preview_mode == PREVIEW_ENROLLED:
            return True
        if self.preview_mode == PREVIEW_ANONYMOUS:
            return False
        return opens_every_lesson(request, course, enrolled=enrolled)

    def enrolled_in(self, request, course):
        if self.preview_mode == PREVIEW_ENROLLED:
            return True
        if self.preview_mode == PREVIEW_ANONYMOUS:
            return False
        return is_enrolled(request, course)


def viewer_context(request):
    """The Viewer for this request (`request.preview_mode` set by admin previews)."""
    mode = getattr(request, "preview_mode", None) if request is not None else None
    if mode is None or not getattr(request, "is_preview", False):
        return Viewer()
    return Viewer(preview_mode=mode or "")
