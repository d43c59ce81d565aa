"""What the publishing workflow remembers: held translations and draft share links."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SHARE_LINK_DAYS = 7


def hash_token(token):
    """The stored form of a share token: a leaked table reveals no working link."""
    return hashlib.sha256(token.encode()).hexdigest()


def default_expiry():
    return timezone.now() + timedelta(days=SHARE_LINK_DAYS)


class HeldTranslation(models.Model):
    """A translation someone published while its source page was not live.

    The revision waits here (scheduled at the source's go-live time when there is
    one) and is published the moment the source goes live, never before.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="+"
    )
    held_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("held translation")
        verbose_name_plural = _("held translations")

    def __str__(self):
        return f"{self.page_id} waits with revision {self.revision_id}"


class DraftShareLinkQuerySet(models.QuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class DraftShareLink(models.Model):
    """A link showing the latest draft of one page to someone without an account.

    Only the SHA-256 of the token is stored; the token itself is shown once, when
    the link is created.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="draft_share_links",
        verbose_name=_("page"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), default=default_expiry)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = DraftShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("draft share link")
        verbose_name_plural = _("draft share links")
        permissions = [
            (
                "preview_page_drafts",
                "Can browse pages and preview drafts and revisions without editing",
            )
        ]

    def __str__(self):
        return f"Share link for page {self.page_id} until {self.expires_at:%Y-%m-%d}"

    def is_active(self, now=None):
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now
