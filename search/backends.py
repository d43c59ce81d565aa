"""The search interface views call: `search_courses()` and `autocomplete()`.

On PostgreSQL they use our stored, per-language index (search.postgres): stemming
in the page's language, accents ignored, typo correction and highlighted matches.
On SQLite (the embedded development default) they fall back to Wagtail's
database search backend (search.fallback): the same page and filters, plainer
matching, no highlights. Callers never need to know which one answered.
"""

import re
import unicodedata

from cms import listing
from cms.catalog import PER_PAGE
from cms.models import Category
from search import fallback, postgres
from search.query import words
from search.results import Result, Results, highlight, last_page, paginate

AUTOCOMPLETE_LIMIT = 8
AUTOCOMPLETE_MIN_CHARS = 2


# --- typo correction ------------------------------------------------------


def trigrams(word):
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a, b):
    """pg_trgm's similarity(): shared trigrams over all trigrams."""
    left, right = trigrams(a), trigrams(b)
    return len(left & right) / len(left | right) if left and right else 0.0


def correct(text, language):
    """The query with misspelt words replaced by the closest title words, or "".

    Only words of live titles in `language` are offered, so a correction always
    names something the catalog has.
    """
    return correction(text, language)[0]


def correction(text, language):
    """(corrected query or "", whether any word is neither known nor corrected)."""
    tokens = words(text)
    corrected, changed, unknown = [], False, False
    for token in tokens:
        if len(token) < 3 or token.isdigit():
            corrected.append(token)
            continue
        normalised, candidates = postgres.similar_words(language, token)
        best, best_score = token, 0.0
        for display, word in candidates:
            score = similarity(normalised, word)
            if word == normalised:
                best, best_score = token, 1.0
                break
            if score > best_score:
                best, best_score = display, score
        if best_score >= postgres.FUZZY_LIMIT and best != token:
            changed = True
            corrected.append(best)
            continue
        unknown = unknown or best_score < 1.0
        corrected.append(token)
    return (" ".join(corrected) if changed else ""), unknown


# --- PostgreSQL -----------------------------------------------------------


def _load_pages(hits):
    """The hits' pages, card-ready, in the hits' order: one query per kind."""
    ids_by_kind = {}
    for hit in hits:
        ids_by_kind.setdefault(hit.kind, []).append(hit.page_id)
    pages = {}
    for key, ids in ids_by_kind.items():
        kind = listing.get(key)
        if kind is not None:
            pages.update(kind.model.objects.filter(pk__in=ids).for_cards().in_bulk())
    return [pages[hit.page_id] for hit in hits if hit.page_id in pages]


def _find_page(language, text, criteria, *, mode, sort, number):
    def find(limit, offset):
        return postgres.find(
            language, text, criteria, mode=mode, sort=sort, limit=limit, offset=offset
        )

    hits, total = find(PER_PAGE, (number - 1) * PER_PAGE)
    if not hits and number > 1:
        # Past the last page (an old link): show the last page instead.
        _hits, total = find(1, 0)
        number = last_page(total)
        if total:
            hits, total = find(PER_PAGE, (number - 1) * PER_PAGE)
    return hits, total, number


def _search_postgres(params, language, criteria):
    text, sort, number = params.q, params.effective_sort, params.page
    mode = "match" if text else "all"
    hits, total, number = _find_page(
        language, text, criteria, mode=mode, sort=sort, number=number
    )
    results = Results()
    highlight_text = text
    if text and total == 0:
        suggestion, unknown = correction(text, language)
        if suggestion:
            hits, total, number = _find_page(
                language, suggestion, criteria, mode="match", sort=sort, number=1
            )
            results.suggestion = suggestion
            if total:
                results.corrected_from = text
                highlight_text = suggestion
        if total == 0 and (suggestion or unknown):
            # Titles resembling the query, for a typo the vocabulary could not
            # fix. Correctly spelt words that simply match nothing together
            # ("yoga for athletes") get the empty page instead.
            hits, total, number = _find_page(
                language, text, criteria, mode="fuzzy", sort=sort, number=1
            )
            results.fuzzy = bool(total)
    elif text and total < 3:
        results.suggestion = correct(text, language)
    pages = _load_pages(hits)
    marked = {}
    if highlight_text and not results.fuzzy:
        marked = postgres.headlines(language, highlight_text, [p.pk for p in pages])
        results.highlights = True
    for page in pages:
        title, summary = marked.get(page.pk, ("", ""))
        results.items.append(
            Result(
                page=page,
                title_html=highlight(title, page.title),
                summary_html=highlight(summary, page.summary),
                kind=listing.kind_of(page),
            )
        )
    results.total = total
    results.page_obj = paginate(results.items, total, number)
    return results


def search_courses(params, language, criteria):
    """One page of courses, events and downloads in `language` matching
    `params` (search.query), of the kind it asks for."""
    if not params.q and not params.active:
        return Results(page_obj=paginate([], 0, 1))
    if postgres.is_available():
        return _search_postgres(params, language, criteria)
    return fallback.search_courses(params, language, criteria)


def _strip_accents_lower(text):
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def matching_categories(text, language, limit=AUTOCOMPLETE_LIMIT):
    """Categories of `language` with a word starting like the typed text."""
    typed = _strip_accents_lower(text)
    found = []
    for category in Category.objects.filter(locale__language_code=language):
        name = _strip_accents_lower(category.name)
        if name.startswith(typed) or any(
            word.startswith(typed) for word in re.split(r"\W+", name)
        ):
            found.append(category)
    return found[:limit]


def autocomplete(text, language):
    """Up to 8 suggestions: categories first, then titles of every kind.

    Returns [{"kind": "category"|"course"|"event"|"download", "label": …,
    "page_id"/"slug": …}].
    """
    tokens = words(text)
    if len(text.strip()) < AUTOCOMPLETE_MIN_CHARS or not tokens:
        return []
    suggestions = [
        {"kind": "category", "label": category.name, "slug": category.slug}
        for category in matching_categories(text, language, limit=3)
    ]
    remaining = AUTOCOMPLETE_LIMIT - len(suggestions)
    if postgres.is_available():
        titles = postgres.autocomplete_titles(language, tokens[:8], limit=remaining)
    else:
        titles = fallback.autocomplete_titles(language, tokens[:8], limit=remaining)
    suggestions.extend(
        {"kind": kind, "label": title, "page_id": page_id}
        for page_id, title, kind in titles
    )
    return suggestions
