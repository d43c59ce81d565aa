"""Search views: the results page and the autocomplete JSON. Parse, call, respond."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET
from wagtail.models import Page

from cms import listing
from cms.catalog import filter_choices
from cms.models import Category
from commerce.money import currency_for_language
from operations.ratelimit import client_ip, hit, too_many_requests
from search import backends, query
from search import cache as search_cache
from search.popular import popular_categories

AUTOCOMPLETE_PER_MINUTE = 30


def _language():
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@require_GET
def search_page(request):
    """/en/search/?q=…: courses of the page's language, filtered and sorted."""
    language = _language()
    categories = list(Category.objects.filter(locale__language_code=language))
    params = query.SearchParams.parse(
        request.GET, [category.slug for category in categories]
    )
    context = {
        "params": params,
        "filter_query": params.as_query(),
        **filter_choices(query.SearchParams, categories),
        "currency": currency_for_language(language),
    }
    context["results_html"] = _results_html(request, params, language, context)
    response = render(request, "search/search_page.html", context)
    response["Cache-Control"] = "private, max-age=0"
    return response


def _results_html(request, params, language, context):
    """The results section, from the cache when the same search ran recently."""
    cache_key = search_cache.key(
        "page", language, f"{params.as_query()}&page={params.page}"
    )
    html = search_cache.get(cache_key)
    if html is None:
        results = backends.search_courses(
            params, language, query.criteria(params, language)
        )
        empty = not results.items
        html = render_to_string(
            "search/includes/results.html",
            {
                **context,
                "results": results,
                "page_obj": results.page_obj,
                "popular_categories": popular_categories(language) if empty else [],
                "suggestion_query": (
                    params.as_query(q=results.suggestion) if results.suggestion else ""
                ),
            },
            request=request,
        )
        search_cache.set(cache_key, html)
    return mark_safe(html)  # noqa: S308 - rendered by our autoescaping template


def _suggestions(request, text, language):
    cache_key = search_cache.key("suggest", language, text)
    items = search_cache.get(cache_key)
    if items is not None:
        return items
    suggestions = backends.autocomplete(text, language)
    search_url = reverse("search:page")
    page_ids = [s["page_id"] for s in suggestions if "page_id" in s]
    pages = (
        Page.objects.filter(pk__in=page_ids)
        .only("id", "url_path", "path", "depth", "locale_id")
        .in_bulk()
    )
    items = []
    for suggestion in suggestions:
        if suggestion["kind"] == "category":
            url = f"{search_url}?{urlencode({'category': suggestion['slug']})}"
        else:
            page = pages.get(suggestion["page_id"])
            url = page.get_url(request) if page else None
        if url:
            kind = listing.get(suggestion["kind"])
            items.append(
                {
                    "kind": suggestion["kind"],
                    "label": suggestion["label"],
                    "url": url,
                    # "Event", "Download": said beside titles that are no course.
                    "kind_label": str(kind.label)
                    if kind and kind.key != "course"
                    else "",
                }
            )
    search_cache.set(cache_key, items)
    return items


@require_GET
def autocomplete(request):
    """JSON suggestions for the header box: 30 requests a minute per IP."""
    decision = hit(
        "search-autocomplete",
        client_ip(request),
        limit=AUTOCOMPLETE_PER_MINUTE,
        period=60,
        fail_open=True,
    )
    if not decision.allowed:
        return too_many_requests(request, decision.retry_after, json=True)
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    text = query.clean_text(request.GET.get("q", ""))
    with translation.override(language):
        items = _suggestions(request, text, language)
    response = JsonResponse({"query": text, "suggestions": items})
    response["Cache-Control"] = "private, max-age=60"
    return response
