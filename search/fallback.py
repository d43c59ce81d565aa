"""Search without PostgreSQL: Wagtail's database backend over live course pages.

Used on SQLite, the embedded development database. Same filters, sorting and
pagination as the PostgreSQL path; matching is whatever Wagtail's backend does
for SQLite (no per-language stemming, no typo correction, no highlights).
"""

from django.db.models import OuterRef, Subquery

from commerce.models import Price
from search.backends import Result, Results, highlight, last_page, paginate
from search.query import PER_PAGE

MAX_MATCHES = 1000


def _courses(language):
    from wagtail.models import Locale

    from cms.models import CoursePage

    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return None
    return CoursePage.objects.visible(locale)


def _with_price(queryset, criteria):
    price = Price.objects.filter(
        product__translation_key=OuterRef("translation_key"),
        currency=criteria.currency,
    ).values("amount_minor")[:1]
    return queryset.annotate(price_minor=Subquery(price)), True


def _filter(queryset, criteria):
    if criteria.category:
        queryset = queryset.filter(category__slug=criteria.category)
    if criteria.level:
        queryset = queryset.filter(level=criteria.level)
    if criteria.duration_min is not None:
        queryset = queryset.filter(duration_minutes__gte=criteria.duration_min)
    if criteria.duration_max is not None:
        queryset = queryset.filter(duration_minutes__lt=criteria.duration_max)
    if (
        criteria.price
        or criteria.price_min is not None
        or criteria.price_max is not None
    ):
        queryset, priced = _with_price(queryset, criteria)
        if not priced:
            return queryset.none()
        if criteria.price == "free":
            queryset = queryset.filter(price_minor=0)
        elif criteria.price == "paid":
            queryset = queryset.filter(price_minor__gt=0)
        if criteria.price_min is not None:
            queryset = queryset.filter(price_minor__gte=criteria.price_min)
        if criteria.price_max is not None:
            queryset = queryset.filter(price_minor__lte=criteria.price_max)
    return queryset


def _matching_ids(text, language):
    from cms.models import CoursePage

    matches = CoursePage.objects.live().search(text, operator="and")
    return [page.pk for page in matches[:MAX_MATCHES]]


def search_courses(params, language, criteria):
    courses = _courses(language)
    if courses is None:
        return Results(page_obj=paginate([], 0, 1))
    courses = _filter(courses, criteria)
    sort = params.effective_sort
    if params.q:
        order = {
            pk: position
            for position, pk in enumerate(_matching_ids(params.q, language))
        }
        courses = courses.filter(pk__in=order)
    if sort == "price":
        courses, _priced = _with_price(courses, criteria)
        courses = courses.order_by("price_minor", "-pk")
    elif sort == "newest" or not params.q:
        courses = courses.order_by("-first_published_at", "-pk")
    ids = list(courses.values_list("pk", flat=True))
    if params.q and sort == "relevance":
        ids.sort(key=order.get)
    total = len(ids)
    number = min(params.page, last_page(total))
    page_ids = ids[(number - 1) * PER_PAGE : number * PER_PAGE]
    pages = courses.model.objects.filter(pk__in=page_ids).for_cards().in_bulk()
    items = [
        Result(
            page=pages[pk],
            title_html=highlight("", pages[pk].title),
            summary_html=highlight("", pages[pk].summary),
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
    return list(courses.order_by("title").values_list("pk", "title")[:limit])
