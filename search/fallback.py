"""Search without PostgreSQL: Wagtail's database backend over live course pages.

Used on SQLite, the embedded development database. Same filters (the course
queryset's `matching()`, which the catalog page uses too), sorting and
pagination as the PostgreSQL path; matching is whatever Wagtail's backend does
for SQLite (no per-language stemming, no typo correction, no highlights). The
"all" kind finds courses only here; asking for events or downloads lists that
kind's listable pages whose title holds every word (development only).
"""

from wagtail.models import Locale

from cms import listing
from cms.catalog import ORDERINGS, PER_PAGE
from cms.models import CoursePage
from commerce.pricing import filter_by_price_range, order_by_price
from search.query import words
from search.results import Result, Results, highlight, last_page, paginate

MAX_MATCHES = 1000


def _locale(language):
    return Locale.objects.filter(language_code=language).first()


def _courses(language):
    locale = _locale(language)
    if locale is None:
        return None
    return CoursePage.objects.visible(locale)


def _matching_ids(text):
    matches = CoursePage.objects.live().search(text, operator="and")
    return [page.pk for page in matches[:MAX_MATCHES]]


def _other_kind(kind, params, locale, criteria):
    pages = kind.listable(locale)
    if criteria.courses_only:
        pages = pages.none()
    for word in words(params.q):
        pages = pages.filter(title__icontains=word)
    if criteria.filters_price:
        pages = filter_by_price_range(
            pages, criteria.price_min, criteria.price_max, criteria.currency
        )
    return pages


def _listing_results(pages, params):
    total = pages.count()
    number = min(params.page, last_page(total))
    items = [
        Result(
            page=page,
            title_html=highlight("", page.title),
            summary_html=highlight("", page.summary),
            kind=listing.kind_of(page),
        )
        for page in pages[(number - 1) * PER_PAGE : number * PER_PAGE]
    ]
    return Results(items=items, total=total, page_obj=paginate(items, total, number))


def search_courses(params, language, criteria):
    courses = _courses(language)
    if courses is None:
        return Results(page_obj=paginate([], 0, 1))
    kind = listing.get(criteria.kind)
    if kind is not None and kind.key != "course":
        return _listing_results(
            _other_kind(kind, params, _locale(language).pk, criteria), params
        )
    courses = courses.matching(criteria)
    sort = params.effective_sort
    if params.q:
        order = {pk: position for position, pk in enumerate(_matching_ids(params.q))}
        courses = courses.filter(pk__in=order)
    if sort == "price":
        # Ties newest first, as search.postgres orders them.
        courses = order_by_price(courses, "-pk", currency=criteria.currency)
    elif sort == "newest" or not params.q:
        courses = courses.order_by(*ORDERINGS["newest"])
    ids = list(courses.values_list("pk", flat=True))
    if params.q and sort == "relevance":
        ids.sort(key=order.get)
    total = len(ids)
    number = min(params.page, last_page(total))
    page_ids = ids[(number - 1) * PER_PAGE : number * PER_PAGE]
    pages = CoursePage.objects.filter(pk__in=page_ids).for_cards().in_bulk()
    items = [
        Result(
            page=pages[pk],
            title_html=highlight("", pages[pk].title),
            summary_html=highlight("", pages[pk].summary),
            kind=listing.get("course"),
        )
        for pk in page_ids
        if pk in pages
    ]
    return Results(items=items, total=total, page_obj=paginate(items, total, number))


def autocomplete_titles(language, tokens, limit=8):
    courses = _courses(language)
    if courses is None:
        return []
    for token in tokens:
        courses = courses.filter(title__icontains=token)
    return [
        (pk, title, "course")
        for pk, title in courses.order_by("title").values_list("pk", "title")[:limit]
    ]
