"""At login, the visitor's session cart joins the learner's saved cart; price
changes purge the anonymous page cache (prices show on many pages)."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from commerce.cart import merge_session_cart
from commerce.models import Price, Product
from speedups.page_cache import purge_everything


@receiver(user_logged_in, dispatch_uid="commerce.merge_cart")
def merge_cart_at_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        merge_session_cart(request, user)


@receiver(post_save, sender=Price, dispatch_uid="commerce.price_saved")
@receiver(post_delete, sender=Price, dispatch_uid="commerce.price_deleted")
@receiver(post_save, sender=Product, dispatch_uid="commerce.product_saved")
def purge_cached_pages(sender, **kwargs):
    purge_everything()
