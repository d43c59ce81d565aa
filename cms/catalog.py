"""The course filters, once: the catalog page's and the search page's.

Filters live in the query string (`?category=yoga&level=beginner&sort=title&page=2`)
so a plain GET form works without JavaScript and every result page has a URL.
Unknown or malformed values are ignored rather than answered with an error.

`CatalogFilters` holds the vocabulary both pages share (category, level,
duration buckets, free or paid, their labels, the parsing); the search page's
`search.query.SearchParams` extends it with what only search has (the text,
relevance, a typed price range). Either turns into `Criteria`, the filters in
database terms, which `CoursePage.objects.matching()` applies with the ORM and
search.postgres in SQL. Free or paid is commerce's rule
(`commerce.pricing.PRICE_KINDS`), here only a price range.

The kind filter (`?kind=event`) picks what is listed among the kinds registered
in `cms.listing` (courses, events, downloads; "all" for every kind, courses
first). The catalog page lists courses unless asked; search lists every kind.
Category, level and duration describe courses only: choosing one lists only
courses. Free or paid and the price range apply to every kind (by the price of
its product in the reader's currency). Sorting by title or price applies to
every kind; "newest" is each kind's own order (events soonest first).
"""

from dataclasses import dataclass, fields

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from cms import listing
from cms.levels import Level
from commerce import pricing
from commerce.money import currency_for_language

PER_PAGE = 12

SORT_LABELS = {
    "relevance": _("Relevance"),
    "newest": _("Newest"),
    "title": _("Title (A–Z)"),
    "price": _("Price"),
}
ORDERINGS = {
    "newest": ("-first_published_at", "-pk"),
    "title": ("title", "pk"),
}
# {key: (label, low, high)} in minutes, low included, high excluded.
DURATIONS = {
    "short": (_("Under 1 hour"), None, 60),
    "medium": (_("1 to 3 hours"), 60, 180),
    "long": (_("Over 3 hours"), 180, None),
}
PRICES = {key: label for key, (label, _low, _high) in pricing.PRICE_KINDS.items()}


@dataclass(frozen=True)
class Criteria:
    """Filters in database terms: what the ORM and the search SQL apply."""

    category: str = ""
    level: str = ""
    duration_min: int | None = None  # minutes, included
    duration_max: int | None = None  # minutes, excluded
    price_min: int | None = None  # minor units of `currency`, included
    price_max: int | None = None
    currency: str = ""
    kind: str = ""  # a cms.listing key; "" is every kind

    @property
    def filters_price(self):
        return self.price_min is not None or self.price_max is not None

    @property
    def courses_only(self):
        """Category, level and duration describe courses: any of them set lists
        courses only, whatever the kind filter says."""
        return bool(
            self.category
            or self.level
            or self.duration_min is not None
            or self.duration_max is not None
        )


def _pick(params, name, allowed, default=""):
    value = params.get(name, default)
    return value if isinstance(value, str) and value in allowed else default


@dataclass(frozen=True)
class CatalogFilters:
    category: str = ""
    level: str = ""
    duration: str = ""
    price: str = ""
    sort: str = "newest"
    kind: str = "course"

    SORTS = ("newest", "title", "price")  # the order the form offers them in
    DEFAULT_SORT = "newest"
    DEFAULT_KIND = "course"  # the catalog lists courses unless asked

    @classmethod
    def parse(cls, params, category_slugs):
        """The filters of a QueryDict, keeping only values we know."""
        return cls(**cls.read(params, category_slugs))

    @classmethod
    def read(cls, params, category_slugs):
        """{field: value} of the known values in `params` (subclasses add theirs)."""
        return {
            "category": _pick(params, "category", set(category_slugs)),
            "level": _pick(params, "level", set(Level.values)),
            "duration": _pick(params, "duration", set(DURATIONS)),
            "price": _pick(params, "price", set(PRICES)),
            "sort": _pick(params, "sort", cls.SORTS, default=cls.DEFAULT_SORT),
            "kind": _pick(
                params,
                "kind",
                {listing.ALL, *listing.keys()},
                default=cls.DEFAULT_KIND,
            ),
        }

    @property
    def effective_sort(self):
        return self.sort

    @property
    def active(self):
        """Whether anything narrows the courses shown (sorting does not)."""
        return self.filters_active

    @property
    def filters_active(self):
        """Whether the form's filters narrow the list ("Clear filters" shows);
        the kind is not one of them (its tabs stay as they are)."""
        return any((self.category, self.level, self.duration, self.price))

    def as_query(self, **changes):
        """The query string for these filters (empty and default values left out)."""
        values = {field.name: getattr(self, field.name) for field in fields(self)}
        values.update(changes)
        if values.get("sort") == self.DEFAULT_SORT:
            values.pop("sort")
        if values.get("kind") == self.DEFAULT_KIND:
            values.pop("kind")
        return urlencode(
            {key: value for key, value in values.items() if value not in ("", None)}
        )

    def price_range(self, currency):
        """(low, high) in minor units, both included; None is open."""
        if not self.price:
            return None, None
        _label, low, high = pricing.PRICE_KINDS[self.price]
        return low, high

    def criteria(self, currency):
        """These filters in database terms, prices in `currency`."""
        low = high = None
        if self.duration:
            _label, low, high = DURATIONS[self.duration]
        price_min, price_max = self.price_range(currency)
        return Criteria(
            category=self.category,
            level=self.level,
            duration_min=low,
            duration_max=high,
            price_min=price_min,
            price_max=price_max,
            currency=currency,
            kind="" if self.kind == listing.ALL else self.kind,
        )

    @property
    def kind_heading(self):
        """The catalog's heading when a tab lists something other than its
        default kind ("Events", "Downloads"); "" keeps the page's own title."""
        if self.kind == self.DEFAULT_KIND:
            return ""
        if self.kind == listing.ALL:
            return _("Courses, events and downloads")
        return listing.get(self.kind).plural

    @property
    def kind_query(self):
        """ "?kind=event" on a tab other than the default, else "": the language
        switcher keeps the tab (kinds are the same in every language)."""
        if self.kind == self.DEFAULT_KIND:
            return ""
        return f"?{urlencode({'kind': self.kind})}"

    KEPT_ON_CLEAR = ("kind",)

    def cleared_query(self):
        """The query string of "Clear filters": the kind (and search's text) stay."""
        return type(self)(
            **{name: getattr(self, name) for name in self.KEPT_ON_CLEAR}
        ).as_query()

    def kind_tabs(self):
        """[(key, label, query string, current)] for the kind filter's links;
        other filters and the text are kept, the page number is not."""
        return [
            (key, label, self.as_query(kind=key, page=None), key == self.kind)
            for key, label in listing.choices()
        ]


def parse_filters(params, category_slugs):
    """CatalogFilters from a QueryDict, keeping only values we know."""
    return CatalogFilters.parse(params, category_slugs)


def filter_choices(filters_class, categories):
    """The options of the filter form (includes/course_filters.html)."""
    return {
        "kinds": listing.choices(),
        "categories": categories,
        "levels": Level.choices,
        "durations": [(key, label) for key, (label, _a, _b) in DURATIONS.items()],
        "prices": list(PRICES.items()),
        "sorts": [(key, SORT_LABELS[key]) for key in filters_class.SORTS],
    }


def filter_courses(queryset, filters):
    """Apply CatalogFilters to a CoursePage queryset, sorted as asked."""
    currency = currency_for_language()
    queryset = queryset.matching(filters.criteria(currency))
    if filters.sort == "price":
        return pricing.order_by_price(queryset, "title", currency=currency)
    return queryset.order_by(*ORDERINGS[filters.sort])


def filter_other_kind(queryset, filters):
    """Apply CatalogFilters to a listable queryset of another kind (events,
    downloads): only the price applies; "newest" keeps the kind's own order."""
    currency = currency_for_language()
    criteria = filters.criteria(currency)
    if criteria.courses_only:
        return queryset.none()
    if criteria.filters_price:
        queryset = pricing.filter_by_price_range(
            queryset, criteria.price_min, criteria.price_max, currency
        )
    if filters.sort == "price":
        return pricing.order_by_price(queryset, "title", currency=currency)
    if filters.sort == "title":
        return queryset.order_by(*ORDERINGS["title"])
    return queryset


class Listings:
    """Several querysets read as one list, each after the other (the "all"
    kind: courses, then events, then downloads), for Django's Paginator: it
    counts each and slices across them, loading only the rows of one page."""

    def __init__(self, querysets):
        self.querysets = querysets
        self._counts = None

    def counts(self):
        if self._counts is None:
            self._counts = [queryset.count() for queryset in self.querysets]
        return self._counts

    def count(self):
        return sum(self.counts())

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        items, offset = [], 0
        for queryset, count in zip(self.querysets, self.counts(), strict=True):
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                items.extend(queryset[low:high])
            offset += count
        return items


def listing_for(filters, courses, locale):
    """What the catalog lists for `filters`: the index's `courses`, another
    kind's listable pages of `locale`, or every kind one after the other."""
    if filters.kind == listing.ALL:
        parts = [
            courses if kind.key == "course" else kind.listable(locale)
            for kind in listing.kinds()
        ]
        kinds = [kind.key for kind in listing.kinds()]
        return Listings(
            [
                filter_courses(part, filters)
                if key == "course"
                else filter_other_kind(part, filters)
                for key, part in zip(kinds, parts, strict=True)
            ]
        )
    kind = listing.get(filters.kind)
    if kind is None or kind.key == "course":
        return filter_courses(courses, filters)
    return filter_other_kind(kind.listable(locale), filters)


MAX_CACHED_PAGE = 50


def catalog_context(request, courses, categories, locale=None):
    """Template context for the catalog page: `courses` (the visible ones, card
    ready) filtered by the query string, or the kind it asks for in `locale`;
    `categories` of the catalog's language."""
    categories = list(categories)
    filters = CatalogFilters.parse(request.GET, [c.slug for c in categories])
    items = listing_for(filters, courses, locale)
    requested_page = _requested_page(request.GET.get("page"))
    # Lazy: when the listing comes from the fragment cache, no course is loaded.
    page_obj = SimpleLazyObject(
        lambda: Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    )
    return {
        "filters": filters,
        "courses": page_obj,
        "page_obj": page_obj,
        **filter_choices(CatalogFilters, categories),
        "filter_query": filters.as_query(),
        "requested_page": requested_page,
        # Listing fragments vary on the parsed filters and the page number; far
        # pages are rendered uncached, so odd URLs cannot fill the cache. Other
        # kinds are not purged when their pages change: never cached.
        "pagefragment_off": requested_page > MAX_CACHED_PAGE
        or filters.kind != CatalogFilters.DEFAULT_KIND,
    }


def _requested_page(value):
    """The page number asked for (1 when missing or not a number)."""
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1
