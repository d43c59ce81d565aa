"""A price list for a digital product sells a download, not a course.

Editors create prices in Shop → Prices by choosing the page; the product's
kind (which entitlement fulfilment asks, commerce/entitlements.py) follows the
page chosen, set here so commerce needs to know nothing of downloads.
"""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from commerce.models import Product
from downloads.models import DownloadPage


@receiver(pre_save, sender=Product)
def sell_download_pages_as_downloads(sender, instance, **kwargs):
    if instance.course_page_id and (
        DownloadPage.objects.filter(pk=instance.course_page_id).exists()
    ):
        instance.kind = "download"
