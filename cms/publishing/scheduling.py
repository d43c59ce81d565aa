"""Translations go live and expire with their source page, never before it.

Wagtail schedules a page by putting `approved_go_live_at` on one of its revisions;
`manage.py publish_scheduled` first unpublishes live pages past `expire_at`, then
publishes the due revisions, oldest time first. wagtail-localize knows nothing of
schedules: its editor publishes a translation at once. These rules close the gap
(docs/decisions/0040-translations-follow-their-source.md):

* The *source* of a page is its counterpart in the default language
  (`LANGUAGE_CODE`, English); pages in the default language have no source.
* A translation published while its source is not live is **held**: it stays
  unpublished and its revision is remembered (`HeldTranslation`). When the source
  is scheduled, the held revision is scheduled too, one microsecond *before* the
  source, so `publish_scheduled` (which sorts by time) meets the translation
  first, holds it once more, and then publishes the source, which releases it.
* When the source goes live (by hand or by the command) its held translations are
  published in the same breath; when it is rescheduled they move with it.
* When the source is unpublished or expires, its live translations go too, and
  translations always carry their source's `expire_at`.
* When any page expires, its live children expire with it (a course's lessons),
  and no page is served while a page above it is not live (wagtail_hooks.py):
  Wagtail itself routes to a live lesson under an unpublished course.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision

from cms.publishing.models import HeldTranslation
from speedups.routing import ancestors_of

logger = logging.getLogger(__name__)

# Held translations are scheduled this much before their source (see above).
AHEAD_OF_SOURCE = timedelta(microseconds=1)


def source_of(page):
    """The default-language page `page` translates, or None for a source page."""
    if page.pk is None:
        return None
    return (
        Page.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .exclude(pk=page.pk)
        .only(
            "id",
            "live",
            "go_live_at",
            "expire_at",
            "expired",
            "translation_key",
            "locale",
        )
        .first()
    )


def is_source(page):
    return page.locale.language_code == settings.LANGUAGE_CODE


def translations_of(source):
    """The pages (base `Page`) that translate `source` into other languages."""
    return Page.objects.filter(translation_key=source.translation_key).exclude(
        locale_id=source.locale_id
    )


def scheduled_go_live(source):
    """When the not-yet-live `source` is scheduled to go live, or None."""
    return (
        Revision.page_revisions.filter(
            object_id=str(source.pk), approved_go_live_at__isnull=False
        )
        .values_list("approved_go_live_at", flat=True)
        .first()
    )


def hold(page_id, revision, go_live_at):
    """Keep `revision` of a translation waiting for its source.

    Queryset updates on purpose: saving the revision would log a "schedule
    cancelled" entry and send signals for what is only bookkeeping.
    """
    approved = go_live_at - AHEAD_OF_SOURCE if go_live_at else None
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=approved)
    Revision.page_revisions.filter(object_id=str(page_id)).exclude(
        pk=revision.pk
    ).update(approved_go_live_at=None)
    Page.objects.filter(pk=page_id).update(go_live_at=go_live_at)
    HeldTranslation.objects.update_or_create(
        page_id=page_id, defaults={"revision": revision}
    )
    logger.info(
        "Translation pk=%s held until its source goes live (%s)", page_id, go_live_at
    )


def hold_if_source_not_live(page, revision_id):
    """Called as a translation is saved live: undo that when its source is not.

    Runs in `pre_save`, so it changes the instance Wagtail is about to save into
    exactly the state of a page scheduled for later (or a draft), and returns
    True when it did.
    """
    source = source_of(page)
    if source is None:
        return False
    page.expire_at = source.expire_at
    if not page.live or source.live:
        return False
    before = (
        Page.objects.filter(pk=page.pk)
        .values("first_published_at", "last_published_at")
        .first()
    ) or {"first_published_at": None, "last_published_at": None}
    go_live_at = scheduled_go_live(source)
    page.live = False
    page.live_revision = None
    page.has_unpublished_changes = True
    page.go_live_at = go_live_at
    page.first_published_at = before["first_published_at"]
    page.last_published_at = before["last_published_at"]
    revision_id = revision_id or page.latest_revision_id
    if revision_id:
        hold(page.pk, Revision.objects.get(pk=revision_id), go_live_at)
    return True


def translation_scheduled(page, revision):
    """A translation was scheduled: tie it to its source's time, not its own."""
    source = source_of(page)
    if source is not None and not source.live:
        hold(page.pk, revision, scheduled_go_live(source))


def source_scheduled(source):
    """The source got a go-live time: its held and scheduled translations follow."""
    go_live_at = scheduled_go_live(source)
    for translation in translations_of(source).filter(live=False):
        held = HeldTranslation.objects.filter(page_id=translation.pk).first()
        revision = (
            held.revision
            if held
            else Revision.page_revisions.filter(
                object_id=str(translation.pk), approved_go_live_at__isnull=False
            ).first()
        )
        if revision is not None:
            hold(translation.pk, revision, go_live_at)


def source_schedule_cancelled(source):
    """The source's schedule was cancelled: its held translations wait, unscheduled."""
    if source.live:
        return
    for held in HeldTranslation.objects.filter(
        page__translation_key=source.translation_key
    ).select_related("revision"):
        hold(held.page_id, held.revision, None)


def release_translations(source):
    """The source is live: publish what its translators were waiting to publish."""
    for held in HeldTranslation.objects.filter(
        page__translation_key=source.translation_key
    ).select_related("revision"):
        held.delete()
        try:
            with transaction.atomic():
                held.revision.publish(log_action="wagtail.publish.scheduled")
        except Exception:
            logger.exception("Could not publish held translation pk=%s", held.page_id)


def copy_expiry_to_translations(source):
    """Translations expire when their source does."""
    expire_at = (
        Page.objects.filter(pk=source.pk).values_list("expire_at", flat=True).first()
    )
    translations_of(source).update(expire_at=expire_at)


def source_unpublished(source):
    """The source left the site (by hand or expiry): its translations leave too.

    Translations already past their own `expire_at` are left to the running
    `publish_scheduled`, which has them on its list and would unpublish them twice.
    """
    now = timezone.now()
    for translation in translations_of(source).filter(live=True):
        if translation.expire_at and translation.expire_at < now:
            continue
        translation.specific.unpublish(
            set_expired=source.expired,
            log_action="wagtail.unpublish.scheduled" if source.expired else True,
        )
    source_schedule_cancelled(source)


def expire_children(page):
    """An expired page takes its live children along (each then takes its own).

    Children already past their own `expire_at` are left to the running command.
    """
    now = timezone.now()
    for child in page.get_children().live().specific():
        if child.expire_at and child.expire_at < now:
            continue
        child.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")


def has_unpublished_ancestor(page):
    """Is a page above `page` (below the tree root) not live?

    A page found by the router (speedups/routing.py) knows its ancestors already.
    """
    if page.depth <= 2:  # a home page: above it is only the tree's root
        return False
    ancestors = ancestors_of(page)
    if ancestors is not None:
        return any(not ancestor.live for ancestor in ancestors if ancestor.depth > 1)
    return Page.objects.ancestor_of(page).filter(depth__gt=1, live=False).exists()


def held_translation_note(page):
    """What the editor of a held translation should read, or None.

    Wagtail's own status says "Draft" or a bare go-live time and wagtail-localize
    says "Published"; the truth is that the page waits for its English source.
    """
    from django.utils.formats import date_format
    from django.utils.timezone import localtime
    from django.utils.translation import gettext

    if not HeldTranslation.objects.filter(page_id=page.pk).exists():
        return None
    source = source_of(page)
    if source is None or source.live:
        return None
    go_live_at = scheduled_go_live(source)
    if go_live_at is None:
        return gettext(
            "Published and waiting: this translation goes live with its English "
            "source, which has no publishing date yet."
        )
    return gettext(
        "Published and waiting: this translation goes live with its English "
        "source on %(date)s"
    ) % {"date": date_format(localtime(go_live_at), "DATETIME_FORMAT")}
