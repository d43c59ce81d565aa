"""What every storefront page type shares with the course pages, in one place.

Course, lesson, event and digital-product pages (and their index pages) mix
these in, so Marketing reads and previews them all the same way and a share
link's response is never cached, whichever app owns the page type:

- `DraftReadersMixin` (cms/publishing/read_only.py): Marketing's read-only
  editor, with preview and "share this draft";
- `SharedLinkResponsesMixin`: a response for a share token is private;
- `AnonymousPreviewMixin`: the preview mode "as an anonymous visitor";
- `LearnerPreviewMixin`: that and "as an enrolled learner" (courses, lessons).
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from cms.access import PREVIEW_ANONYMOUS, PREVIEW_ENROLLED, share_token
from cms.publishing.read_only import DraftReadersMixin

__all__ = [
    "AnonymousPreviewMixin",
    "DraftReadersMixin",
    "LearnerPreviewMixin",
    "SharedLinkResponsesMixin",
]


class SharedLinkResponsesMixin:
    """A page opened with a share token shows what the token opened: that
    response is for its holder only, never cached or shared."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if share_token(request):
            patch_cache_control(response, private=True, no_store=True)
        return response


class AnonymousPreviewMixin:
    """Preview mode "anonymous visitor": Marketing sees the page as someone
    who is not signed in (share links show pages this way too)."""

    preview_modes = [
        ("", _("Default")),
        (PREVIEW_ANONYMOUS, _("As an anonymous visitor")),
    ]

    def serve_preview(self, request, mode_name):
        """ "As an anonymous visitor" renders for nobody signed in.

        The request is Wagtail's preview copy (or a share link's): the header
        then offers "Sign in" instead of the editor's own "My account / Sign out".
        """
        if mode_name == PREVIEW_ANONYMOUS:
            request.user = AnonymousUser()
        return super().serve_preview(request, mode_name)


class LearnerPreviewMixin(AnonymousPreviewMixin):
    """Preview modes "anonymous visitor" and "enrolled learner" for the admin.

    Marketing sees both faces of a course or lesson before it is published.
    Wagtail sets `request.is_preview` / `request.preview_mode`, which
    `cms.access.viewer_context` turns into what the template shows.
    """

    preview_modes = [
        *AnonymousPreviewMixin.preview_modes,
        (PREVIEW_ENROLLED, _("As an enrolled learner")),
    ]
