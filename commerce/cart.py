"""The cart: in the session for visitors, in the database for learners.

A product is in a cart at most once; one the learner already owns (a course
they are enrolled in, a download they hold: each kind answers through
`entitlements.owns`; event seats can be booked again) is refused; and courses
that stopped being on sale (unpublished, expired, no price in the reader's
currency) leave the cart with a notice the next time it is read.
"""

import hashlib
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from commerce import catalog, entitlements
from commerce.models import Cart, CartItem, Product
from commerce.pricing import summarise

SESSION_KEY = "commerce_cart"
COUPON_SESSION_KEY = "commerce_coupon"


class CartError(Exception):
    """A clear reason the cart refused something, shown to the learner."""


def owns(user, product):
    return entitlements.owns(user, product)


def _session_ids(request):
    return [int(pk) for pk in request.session.get(SESSION_KEY, [])]


def product_ids(request):
    """Product ids in the visitor's cart, oldest first."""
    user = request.user
    if user.is_authenticated:
        return list(
            CartItem.objects.filter(cart__user=user).values_list(
                "product_id", flat=True
            )
        )
    return _session_ids(request)


def count(request):
    return len(product_ids(request))


def add(request, product):
    """Put a course in the cart once; refuse owned or unavailable courses."""
    if not catalog.is_on_sale(product):
        raise CartError(_("This course is not available for purchase."))
    if owns(request.user, product):
        title = catalog.product_title(product)
        raise CartError(_("You already own “%(title)s”.") % {"title": title})
    if request.user.is_authenticated:
        cart, _created = Cart.objects.get_or_create(user=request.user)
        try:
            with transaction.atomic():
                CartItem.objects.get_or_create(cart=cart, product=product)
        except IntegrityError:
            pass  # a concurrent add of the same course: it is in the cart once
        return
    ids = _session_ids(request)
    if product.pk not in ids:
        request.session[SESSION_KEY] = [*ids, product.pk]


def remove(request, product_id):
    if request.user.is_authenticated:
        CartItem.objects.filter(cart__user=request.user, product_id=product_id).delete()
        return
    request.session[SESSION_KEY] = [
        pk for pk in _session_ids(request) if pk != int(product_id)
    ]


def clear_products(user, product_ids_to_clear):
    """Take bought courses out of the learner's cart (called at fulfilment)."""
    CartItem.objects.filter(
        cart__user=user, product_id__in=product_ids_to_clear
    ).delete()


def merge_session_cart(request, user):
    """At login, move the visitor's session cart into the learner's cart.

    Courses already in the learner's cart or already owned are skipped, so the
    merge never duplicates.
    """
    ids = _session_ids(request)
    if not ids:
        return
    cart, _created = Cart.objects.get_or_create(user=user)
    existing = set(cart.items.values_list("product_id", flat=True))
    for product in Product.objects.filter(pk__in=ids):
        if product.pk in existing or entitlements.owns(user, product):
            continue
        try:
            with transaction.atomic():
                CartItem.objects.create(cart=cart, product=product)
        except IntegrityError:
            pass
    request.session[SESSION_KEY] = []


@dataclass
class CartContents:
    summary: object
    notices: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not self.summary.lines


def contents(request, currency, coupon=None):
    """Read the cart, dropping what can no longer be bought, and price it.

    Returns the priced summary and the notices to show for dropped courses.
    """
    ids = product_ids(request)
    products = {
        p.pk: p for p in Product.objects.prefetch_related("prices").filter(pk__in=ids)
    }
    notices, keep = [], []
    for pk in ids:
        product = products.get(pk)
        if product is None:
            remove(request, pk)
            continue
        if not catalog.is_on_sale(product):
            notices.append(
                _("“%(title)s” is no longer available and left your cart.")
                % {"title": catalog.product_title(product)}
            )
            remove(request, pk)
        elif owns(request.user, product):
            notices.append(
                _("You already own “%(title)s”; it left your cart.")
                % {"title": catalog.product_title(product)}
            )
            remove(request, pk)
        elif product.price_for(currency) is None:
            notices.append(
                _("“%(title)s” cannot be bought in %(currency)s; it left your cart.")
                % {"title": catalog.product_title(product), "currency": currency}
            )
            remove(request, pk)
        else:
            keep.append(product)
    quantities = {p.pk: entitlements.quantity(request.user, p) for p in keep}
    return CartContents(
        summary=summarise(keep, currency, coupon, quantities), notices=notices
    )


def fingerprint(summary):
    """What a checkout buys, as a string: the same cart gets the same order."""
    parts = [summary.currency, summary.coupon.code if summary.coupon else ""]
    parts += [
        f"{line.product.pk}:{line.amount_minor}"
        + (f"x{line.quantity}" if line.quantity != 1 else "")
        for line in summary.lines
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()
