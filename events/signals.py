"""An event page sells through a commerce Product of kind "event".

Created when the English (source) page is first saved (a draft too), so editors
find it under Shop → Prices and price it before publishing (no event goes live
without its prices: `cms.publishing.go_live_checks`); translations share the
product through `translation_key`. A price list an editor creates by choosing
an event page sells seats too: its kind follows the page, as for downloads.
"""

from django.db.models.signals import post_save, pre_save
from wagtail.signals import page_published

from commerce.models import Product
from events.models import EventPage


def ensure_product(sender, instance, **kwargs):
    page = instance
    if not page.pk or not page.translation_key:
        return
    if Product.objects.filter(translation_key=page.translation_key).exists():
        return
    if page.alias_of_id or page.get_translations().filter(pk__lt=page.pk).exists():
        return  # a translation: its source owns the product
    Product.objects.get_or_create(
        translation_key=page.translation_key,
        defaults={"course_page": page, "title": page.title, "kind": "event"},
    )


def sell_event_pages_as_events(sender, instance, **kwargs):
    if instance.course_page_id and (
        EventPage.objects.filter(pk=instance.course_page_id).exists()
    ):
        instance.kind = "event"


def connect():
    page_published.connect(ensure_product, sender=EventPage)
    post_save.connect(ensure_product, sender=EventPage, dispatch_uid="events.product")
    pre_save.connect(
        sell_event_pages_as_events, sender=Product, dispatch_uid="events.product_kind"
    )
