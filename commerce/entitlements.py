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


@dataclass(frozen=True)
class Entitlement:
    """How one kind of product is granted and taken back.

    `grant(user, product, *, source, order=None, note="")` opens it (again);
    `revoke(*, order=None, user=None)` closes what an order granted, or
    everything a user holds, and returns how many it closed.
    """

    grant: Callable
    revoke: Callable


_registry = {}


class UnknownProductKind(LookupError):
    """A product whose kind no installed app grants."""


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
