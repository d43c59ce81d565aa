"""Who may see what of a course: the single place the storefront asks.

A share link (cms.publishing) opens its own lesson; everything else about
access (free previews, staff, enrollments) is commerce's rule
(`commerce.access`). Templates and views only go through `viewer_context`.
"""

from dataclasses import dataclass

from cms.publishing.sharing import (
    find_link,
    latest_draft,
    preview_mode_for,
    share_token_opens,
    within_shared_subtree,
)
from commerce.access import can_open_lesson
from commerce.access import is_enrolled as commerce_is_enrolled
from commerce.access import opens_every_lesson as commerce_opens_every_lesson

PREVIEW_ANONYMOUS = "anonymous"
PREVIEW_ENROLLED = "enrolled"


def can_view_lesson_body(request, lesson):
    """May this request see the lesson's body and video?

    A share link for this very lesson opens it; otherwise commerce's rule
    (free preview, enrolled learner, staff): `commerce.access.can_open_lesson`.
    """
    token = share_token(request)
    if token and share_token_opens(lesson, token):
        return True
    return can_open_lesson(getattr(request, "user", None), lesson)


def is_enrolled(request, course):
    """Is the visitor enrolled in `course`? Commerce owns the rule."""
    return commerce_is_enrolled(getattr(request, "user", None), course)


def opens_every_lesson(request, course, enrolled=None):
    """Does this request open every lesson of the course (staff, enrolled)?"""
    return commerce_opens_every_lesson(
        getattr(request, "user", None), course, enrolled=enrolled
    )


def share_token(request):
    """A share link's token, if the request carries one: `?share=`, or the
    `/share/<token>/` page being rendered (`request.draft_share_token`).

    Such a response shows what the token opened: never cached or shared
    (the course and lesson pages mark it private, cms/models/pages.py).
    """
    if request is None:
        return None
    return request.GET.get("share") or getattr(request, "draft_share_token", None)


def shared_lesson_media(request, lesson_id):
    """The lesson whose uploaded media this request's share link opens, as the
    shared draft has it (its latest revision), else None.

    The same rule as the shared page's body: a shared lesson plays; under a
    shared course (shown as to an anonymous visitor) only free previews play;
    nothing outside the shared page's subtree; an expired or revoked link opens
    nothing.
    """
    token = share_token(request)
    link = find_link(token) if token else None
    if link is None or not link.is_active():
        return None
    page = within_shared_subtree(link, lesson_id)
    if page is None:
        return None
    lesson = latest_draft(page)
    if not getattr(lesson, "media_file", None):
        return None
    viewer = Viewer(preview_mode=preview_mode_for(latest_draft(link.page)))
    return lesson if viewer.can_view(request, lesson) else None


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
