"""The kinds of things the storefront lists: courses, and what other apps add.

The catalog and search list courses, events and digital products side by side,
but `cms` may not import `events` or `downloads` (docs/architecture.md). So
each kind registers itself here, as commerce's entitlements do: cms registers
courses (`cms/apps.py`), events and downloads register from their AppConfig.
A kind says which of its pages a visitor may be offered in a language (its
queryset's one "listable" rule), in which order they are listed by default, and
the template of its card.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

ALL = "all"


@dataclass(frozen=True)
class ListingKind:
    key: str  # "course", "event", "download": also SearchDocument.kind
    label: object  # one of them, for cards: "Course"
    plural: object  # the filter's tab: "Courses"
    model: type
    # listable(locale_id) → the kind's pages a visitor may be offered there,
    # card-ready, in the kind's default order.
    listable: Callable
    card_template: str
    position: int = 100  # tabs and the "all" listing go in this order


_kinds = {}


def register(kind):
    _kinds[kind.key] = kind


def kinds():
    """The registered kinds, courses first."""
    return sorted(_kinds.values(), key=lambda kind: (kind.position, kind.key))


def get(key):
    return _kinds.get(key)


def keys():
    return [kind.key for kind in kinds()]


def kind_of(page):
    """The kind of a (specific) page, or None."""
    for kind in kinds():
        if isinstance(page, kind.model):
            return kind
    return None


def choices():
    """[(key, plural label)] for the kind filter, "all" first."""
    return [(ALL, _("All")), *((kind.key, kind.plural) for kind in kinds())]
