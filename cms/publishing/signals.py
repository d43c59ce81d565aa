"""Wire the scheduling rules (scheduling.py) to Wagtail's page signals."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page, Revision
from wagtail.models.pages import get_default_page_content_type
from wagtail.signals import page_published, page_unpublished

from cms.publishing import scheduling
from cms.publishing.models import HeldTranslation


@receiver(pre_save)
def hold_translation_going_live_early(sender, instance, raw=False, **kwargs):
    """No translation is saved live while its source is not (any code path)."""
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and "live" not in update_fields:
        return
    scheduling.hold_if_source_not_live(instance, instance.live_revision_id)


@receiver(page_published)
def follow_source_on_publish(sender, instance, revision, **kwargs):
    """Wagtail sends `page_published` for scheduled pages too (not yet live)."""
    if scheduling.is_source(instance):
        scheduling.copy_expiry_to_translations(instance)
        if instance.live:
            scheduling.release_translations(instance)
        else:
            scheduling.source_scheduled(instance)
    elif instance.live:
        HeldTranslation.objects.filter(page_id=instance.pk).delete()
    else:
        scheduling.translation_scheduled(instance, revision)


@receiver(page_unpublished)
def follow_source_on_unpublish(sender, instance, **kwargs):
    if instance.expired:
        scheduling.expire_children(instance)
    if scheduling.is_source(instance):
        scheduling.source_unpublished(instance)


@receiver(post_save, sender=Revision)
def follow_source_schedule_cancel(sender, instance, **kwargs):
    """Wagtail's "cancel scheduled publish" saves only `approved_go_live_at`."""
    update_fields = kwargs.get("update_fields") or ()
    if "approved_go_live_at" not in update_fields or instance.approved_go_live_at:
        return
    if instance.base_content_type_id != get_default_page_content_type().id:
        return
    page = Page.objects.filter(pk=instance.object_id).first()
    if page is not None and scheduling.is_source(page):
        scheduling.source_schedule_cancelled(page)
