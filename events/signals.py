"""An event page sells through a commerce Product of kind "event".

Created when the English (source) page is first saved, so editors only add its
prices under Shop; translations share the product through `translation_key`.
"""

from wagtail.signals import page_published

from commerce.models import Product
from events.models import EventPage


def ensure_product(sender, instance, **kwargs):
    page = instance
    if Product.objects.filter(translation_key=page.translation_key).exists():
        return
    if page.alias_of_id or page.get_translations().filter(pk__lt=page.pk).exists():
        return  # a translation: its source owns the product
    Product.objects.get_or_create(
        translation_key=page.translation_key,
        defaults={"course_page": page, "title": page.title, "kind": "event"},
    )


def connect():
    page_published.connect(ensure_product, sender=EventPage)
