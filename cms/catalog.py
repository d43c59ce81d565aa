"""The catalog's rules: which courses a visitor sees, filtered, sorted, paginated.

Filters live in the query string (`?category=yoga&level=beginner&sort=title&page=2`)
so a plain GET form works without JavaScript and every result page has a URL.
Unknown or malformed values are ignored rather than answered with an error.

Free/paid filtering and price sorting ask `commerce.pricing`, which owns prices.
"""

from dataclasses import dataclass, fields

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from cms.levels import Level
from commerce import pricing

PER_PAGE = 12

SORTS = {
    "newest": (_("Newest"), ("-first_published_at", "-pk")),
    "title": (_("Title (A–Z)"), ("title", "pk")),
}
DURATIONS = {
    "short": (_("Under 1 hour"), None, 60),
    "medium": (_("1 to 3 hours"), 60, 180),
    "long": (_("Over 3 hours"), 180, None),
}
PRICES = {"free": _("Free"), "paid": _("Paid")}


@dataclass(frozen=True)
class CatalogFilters:
    category: str = ""
    level: str = ""
    duration: str = ""
    price: str = ""
    sort: str = "newest"

    def as_query(self, **changes):
        """The query string for these filters (defaults left out)."""
        values = {field.name: getattr(self, field.name) for field in fields(self)}
        values.update(changes)
        if values.get("sort") == "newest":
            values.pop("sort")
        return urlencode({key: value for key, value in values.items() if value})

    @property
    def active(self):
        return any((self.category, self.level, self.duration, self.price))


def parse_filters(params, category_slugs):
    """CatalogFilters from a QueryDict, keeping only values we know."""

    def pick(name, allowed, default=""):
        value = params.get(name, default)
        return value if isinstance(value, str) and value in allowed else default

    sorts = set(SORTS) | {"price"}
    return CatalogFilters(
        category=pick("category", category_slugs),
        level=pick("level", set(Level.values)),
        duration=pick("duration", set(DURATIONS)),
        price=pick("price", set(PRICES)),
        sort=pick("sort", sorts, default="newest"),
    )


def filter_courses(queryset, filters):
    """Apply CatalogFilters to a CoursePage queryset."""
    if filters.category:
        queryset = queryset.filter(category__slug=filters.category)
    if filters.level:
        queryset = queryset.filter(level=filters.level)
    if filters.duration:
        _label, low, high = DURATIONS[filters.duration]
        if low is not None:
            queryset = queryset.filter(duration_minutes__gte=low)
        if high is not None:
            queryset = queryset.filter(duration_minutes__lt=high)
    if filters.price:
        queryset = pricing.filter_by_price(queryset, filters.price)
    if filters.sort == "price":
        return pricing.order_by_price(queryset)
    return queryset.order_by(*SORTS[filters.sort][1])


MAX_CACHED_PAGE = 50


def catalog_context(request, courses, categories):
    """Template context for the catalog page: `courses` (the visible ones, card
    ready) filtered by the query string; `categories` of the catalog's language."""
    categories = list(categories)
    filters = parse_filters(request.GET, {category.slug for category in categories})
    courses = filter_courses(courses, filters)
    requested_page = _requested_page(request.GET.get("page"))
    # Lazy: when the listing comes from the fragment cache, no course is loaded.
    page_obj = SimpleLazyObject(
        lambda: Paginator(courses, PER_PAGE).get_page(request.GET.get("page"))
    )
    sorts = [(key, label) for key, (label, _order) in SORTS.items()]
    sorts.append(("price", _("Price")))
    return {
        "filters": filters,
        "courses": page_obj,
        "page_obj": page_obj,
        "categories": categories,
        "levels": Level.choices,
        "durations": [(key, label) for key, (label, _a, _b) in DURATIONS.items()],
        "prices": list(PRICES.items()),
        "sorts": sorts,
        "filter_query": filters.as_query(),
        "requested_page": requested_page,
        # Listing fragments vary on the parsed filters and the page number; far
        # pages are rendered uncached, so odd URLs cannot fill the cache.
        "pagefragment_off": requested_page > MAX_CACHED_PAGE,
    }


def _requested_page(value):
    """The page number asked for (1 when missing or not a number)."""
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1
