"""Downloads as an entitlement: who may fetch a product's file, and how often.

Registered with `commerce.entitlements` for products of kind "download"
(downloads/apps.py): fulfilment grants, a full refund or account erasure
revokes, staff restore. The limit is per purchase: a grant opened again (a new
purchase, staff restoring it) starts counting afresh.
"""

from django.utils import timezone
from wagtail.models import Locale

from downloads.models import DownloadGrant, DownloadLog, DownloadPage


def grant(user, product, *, source, order=None, note=""):
    """Open `product`'s download for `user` (again); returns the grant."""
    download, created = DownloadGrant.objects.get_or_create(
        user=user,
        product=product,
        defaults={"source": source, "order": order, "note": note},
    )
    if not created and (download.revoked_at is not None or order is not None):
        download.revoked_at = None
        download.source, download.order, download.note = source, order, note
        download.created_at = timezone.now()
        download.save()
    return download


def revoke(*, order=None, user=None):
    """Close the grants an order opened, or all of a user's; how many."""
    if order is None and user is None:
        return 0
    grants = DownloadGrant.objects.active()
    if order is not None:
        grants = grants.filter(order=order)
    if user is not None:
        grants = grants.filter(user=user)
    return grants.update(revoked_at=timezone.now())


def page_for(download, locale=None):
    """The product's live page in `locale` (default: active), else any live one."""
    pages = DownloadPage.objects.live().filter(
        translation_key=download.product.translation_key
    )
    locale = locale or Locale.get_active()
    return pages.filter(locale=locale).first() or pages.first()


def limit_of(page):
    """Downloads allowed per purchase, None for unlimited (editors set it once;
    translations keep it in step, a synchronised field)."""
    return page.download_limit


def used(download):
    """Downloads counted against this purchase."""
    return DownloadLog.objects.filter(
        grant=download, downloaded_at__gte=download.created_at
    ).count()


def remaining(download, page):
    """Downloads left, None for unlimited."""
    limit = limit_of(page)
    return None if limit is None else max(limit - used(download), 0)


def owns(user, product):
    """The buyer holds an open grant: the cart and checkout refuse to sell the
    file again (commerce asks through the entitlement registry), as the
    product page shows "You own this download" instead of "Add to cart"."""
    return DownloadGrant.objects.active().filter(user=user, product=product).exists()


def active_for(user):
    """The user's open grants, newest first, with their products."""
    if not user.is_authenticated:
        return DownloadGrant.objects.none()
    return DownloadGrant.objects.active().filter(user=user).select_related("product")
