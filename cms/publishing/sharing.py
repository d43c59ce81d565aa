"""Share a page's latest draft with someone outside the admin, by link.

The token is `secrets.token_urlsafe(32)` (256 random bits) and only its SHA-256 is
stored, so a copy of the database gives nobody a working link. A link opens the
latest draft of its one page, read-only, until it expires (7 days by default) or
is revoked; it grants nothing else.
"""

from datetime import timedelta

from django import forms
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.publishing.models import SHARE_LINK_DAYS, DraftShareLink, hash_token

SHARE_PERMISSION = "publishing.add_draftsharelink"
# How long a new link works: from an hour to thirty days, a week unless chosen.
LIFETIMES = {
    "1h": (timedelta(hours=1), _("1 hour")),
    "1d": (timedelta(days=1), _("1 day")),
    "3d": (timedelta(days=3), _("3 days")),
    "7d": (timedelta(days=SHARE_LINK_DAYS), _("7 days")),
    "14d": (timedelta(days=14), _("14 days")),
    "30d": (timedelta(days=30), _("30 days")),
}
DEFAULT_LIFETIME = "7d"
TOKEN_BYTES = 32
TOKEN_LENGTH = 43  # len(secrets.token_urlsafe(32))


def user_can_share(user, page=None):
    """Marketing, Editors and Moderators may share drafts (a model permission)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if page is not None and page.is_root():
        return False
    return user.has_perm(SHARE_PERMISSION)


def new_token():
    import secrets

    return secrets.token_urlsafe(TOKEN_BYTES)


class ShareLinkForm(forms.Form):
    """The one choice made when creating a link: how long it works."""

    expires_in = forms.ChoiceField(
        label=_("Link works for"),
        choices=[(key, label) for key, (_lifetime, label) in LIFETIMES.items()],
        initial=DEFAULT_LIFETIME,
        required=False,  # not chosen: the default week
    )

    def lifetime(self):
        return LIFETIMES[self.cleaned_data["expires_in"] or DEFAULT_LIFETIME][0]


@transaction.atomic
def create_share_link(page, user, *, lifetime=LIFETIMES[DEFAULT_LIFETIME][0]):
    """A new link for `page`; returns (link, token). The token is never stored."""
    token = new_token()
    link = DraftShareLink.objects.create(
        page=page,
        token_hash=hash_token(token),
        created_by=user,
        expires_at=timezone.now() + lifetime,
    )
    return link, token


def share_path(token, language_code):
    """`/<language>/share/<token>/`, under the shared page's own language prefix."""
    with translation.override(language_code):
        return reverse("publishing_share_draft", args=[token])


def find_link(token):
    """The link for `token` whatever its state, or None (malformed or unknown)."""
    if not isinstance(token, str) or len(token) != TOKEN_LENGTH:
        return None
    return (
        DraftShareLink.objects.select_related("page")
        .filter(token_hash=hash_token(token))
        .first()
    )


def share_token_opens(lesson, token):
    """Is `token` an active share link for this very lesson (any language)?"""
    link = find_link(token)
    return bool(
        link is not None
        and link.is_active()
        and link.page.translation_key == lesson.translation_key
    )


def within_shared_subtree(link, page_id):
    """The page `page_id` if it is the link's page or below it, else None."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not page.path.startswith(link.page.path):
        return None
    return page  # the same tree path prefix: the page itself or a descendant


def revoke(link):
    """Stop a link working now; revoking twice keeps the first time."""
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


def links_for_page(page):
    return DraftShareLink.objects.filter(page=page).select_related("created_by")


def latest_draft(page):
    """The page as its newest revision has it (live or not)."""
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def preview_mode_for(page):
    """Which of the page's preview modes a share link shows.

    A shared lesson is shown whole (the lesson itself was shared); any other page
    as an anonymous visitor sees it, so a shared course does not open its paid
    lessons.
    """
    modes = {name for name, _label in page.preview_modes}
    if hasattr(page, "is_free_preview") and "enrolled" in modes:
        return "enrolled"
    if "anonymous" in modes:
        return "anonymous"
    return page.default_preview_mode
