"""What an order grants, in one place: granted, revoked and restored here only.

Fulfilment, refunds, the Shop admin and account erasure all come through this
module, so they cannot disagree about what "revoked" or "restored" means. A
product grants through the entitlement registered for its kind: commerce
registers courses (enrollments, `commerce/enrollments.py`); an app that sells
something else (event seats, downloads) registers its own from its AppConfig,
so commerce never imports the apps that sell through it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction


@dataclass(frozen=True)
class Receipt:
    """What the order email says about one kind of product, rendered in the
    buyer's language: a sentence (`opened`, lazy) and where to find it
    (`link_label`, lazy, and the URL name `url_name`)."""

    opened: str
    link_label: str
    url_name: str


@dataclass(frozen=True)
class Entitlement:
    """How one kind of product is granted and taken back.

    `grant(user, product, *, source, order=None, note="")` opens it (again);
    `revoke(*, order=None, user=None)` closes what an order granted, or
    everything a user holds, and returns how many it closed.
    """

    grant: Callable
    revoke: Callable
    # Optional, for things in limited supply (event seats): `reserve(order,
    # product, expires_at)` holds what the order's line needs until `expires_at`
    # (returns when the hold ends, or None if nothing is held) or raises
    # `Unavailable`; `release(order)` gives it back when the payment expires or
    # fails; `quantity(user, product)` is how many the learner's cart line is for.
    reserve: Callable | None = None
    release: Callable | None = None
    quantity: Callable | None = None
    # Optional: `owns(user, product)` is True while the learner holds what a
    # new purchase would buy (a course, a download with downloads left), so the
    # cart and checkout refuse it. None: it can be bought again (event seats).
    owns: Callable | None = None
    # What the order confirmation email says about this kind (courses are open,
    # seats are booked, downloads are ready); None says nothing.
    receipt: Receipt | None = None


_registry = {}


class UnknownProductKind(LookupError):
    """A product whose kind no installed app grants."""


class Unavailable(Exception):
    """What the order asks for is gone (sold out, closed): told before paying."""


class HoldLapsed(Unavailable):
    """The order's hold expired before checkout resumed: start a new order."""


def register(kind, entitlement):
    _registry[kind] = entitlement


def for_product(product):
    try:
        return _registry[product.kind]
    except KeyError:
        raise UnknownProductKind(product.kind) from None


def grant_order(order, source):
    """Open what each line of a paid order bought; returns the product ids."""
    product_ids = []
    for line in order.lines.select_related("product"):
        for_product(line.product).grant(
            order.user, line.product, source=source, order=order
        )
        product_ids.append(line.product_id)
    return product_ids


def revoke_order(order):
    """Close everything `order` granted (a full refund)."""
    return sum(entitlement.revoke(order=order) for entitlement in _registry.values())


def revoke_user(user):
    """Close everything `user` holds (account erasure)."""
    return sum(entitlement.revoke(user=user) for entitlement in _registry.values())


def grant_by_staff(user, product, note=""):
    """Staff open a product for a learner, or restore it: no order behind it."""
    return for_product(product).grant(user, product, source="grant", note=note)


def _kinds(order):
    lines = order.lines.select_related("product").order_by("product_id")
    return [(line, _registry.get(line.product.kind)) for line in lines]


@transaction.atomic
def reserve_order(order, expires_at):
    """Hold what the order's limited lines need until `expires_at`, all or none.

    Returns when the earliest hold ends (the Checkout Session must end then too),
    or None when nothing is held. Raises `Unavailable` before any payment. Lines
    are taken in product order, so two orders lock the same rows in one order.
    """
    held = [
        entitlement.reserve(order, line.product, expires_at)
        for line, entitlement in _kinds(order)
        if entitlement is not None and entitlement.reserve is not None
    ]
    held = [until for until in held if until is not None]
    return min(held) if held else None


def release_order(order):
    """Give back what an unpaid order held (its session expired or failed)."""
    for entitlement in {e for _line, e in _kinds(order) if e and e.release}:
        entitlement.release(order)


def owns(user, product):
    """Whether buying `product` again would buy the learner nothing new."""
    if not user.is_authenticated:
        return False
    entitlement = _registry.get(product.kind)
    if entitlement is None or entitlement.owns is None:
        return False
    return entitlement.owns(user, product)


def receipts(order):
    """What the order's kinds of product say in its confirmation email, once
    each, in the order of its lines."""
    found = []
    for line in order.lines.select_related("product").order_by("pk"):
        entitlement = _registry.get(line.product.kind)
        receipt = entitlement.receipt if entitlement else None
        if receipt is not None and receipt not in found:
            found.append(receipt)
    return found


def quantity(user, product):
    """How many of `product` the learner's cart line is for (1 unless its kind
    says otherwise)."""
    entitlement = _registry.get(product.kind)
    if entitlement is None or entitlement.quantity is None:
        return 1
    return entitlement.quantity(user, product)
