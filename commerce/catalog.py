"""Which course a page is, and whether it can be bought right now.

Stable Wagtail concepts only (`translation_key`, `live`, `expired`), so this works
with whatever page type the catalog uses for courses.
"""

from django.utils import timezone, translation
from wagtail.models import Locale, Page

from commerce.models import Product


def product_for_page(page):
    """The product sold by a course page (any of its translations), or None.

    Asked by the price, the buy box, the reviews and the JSON-LD of one render:
    the answer is kept on the page object, which lives for one request.
    """
    if page is None:
        return None
    if _PRODUCT not in page.__dict__:
        page.__dict__[_PRODUCT] = (
            Product.objects.prefetch_related("prices")
            .filter(translation_key=page.translation_key)
            .first()
        )
    return page.__dict__[_PRODUCT]


_PRODUCT = "_product_for_page"


def remember_products(pages):
    """`pages` as a list, each knowing its product (as `product_for_page` would
    find it) from one lookup: a listing's prices then ask nothing per card."""
    pages = list(pages)
    products = {}
    for product in (
        Product.objects.prefetch_related("prices")
        .filter(translation_key__in={page.translation_key for page in pages})
        .order_by("pk")
    ):
        products.setdefault(product.translation_key, product)
    for page in pages:
        page.__dict__[_PRODUCT] = products.get(page.translation_key)
    return pages


def course_page(product, locale=None):
    """The live course page in the active (or given) locale, falling back to any."""
    page = product.page_in_locale(locale or Locale.get_active())
    if page is None:
        page = (
            Page.objects.filter(translation_key=product.translation_key).live().first()
        )
    return page


def product_title(product, language=None):
    """The course's title in `language` (default: the active one).

    The one answer to "what is this product called in Spanish": its live page in
    that language, else the product's own title (its source page's). The cart,
    checkout and Stripe's line items ask it for the buyer; staff screens for
    staff. Orders keep what the buyer saw as a snapshot (`OrderLine.title`).
    """
    language = (language or translation.get_language() or "en").split("-")[0]
    title = (
        Page.objects.live()
        .filter(
            translation_key=product.translation_key,
            locale__language_code=language,
        )
        .values_list("title", flat=True)
        .first()
    )
    return title or product.title


def is_on_sale(product):
    """A course is on sale while one of its pages is live and not expired."""
    now = timezone.now()
    pages = Page.objects.filter(translation_key=product.translation_key).live()
    return (
        pages.filter(expired=False)
        .exclude(expire_at__isnull=False, expire_at__lte=now)
        .exists()
    )
