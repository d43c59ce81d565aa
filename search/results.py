"""What a search answers with, whichever backend found it: one page of results.

Both search.backends (our PostgreSQL index) and search.fallback (Wagtail's
backend on SQLite) build these, so the templates never ask which one answered.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe

from cms.catalog import PER_PAGE
from search.postgres import MARK_END, MARK_START


@dataclass
class Result:
    page: object
    title_html: str
    summary_html: str
    kind: object = None  # its cms.listing.ListingKind (label, key)


@dataclass
class Results:
    items: list = field(default_factory=list)
    total: int = 0
    page_obj: object = None
    suggestion: str = ""  # "Did you mean …?"
    corrected_from: str = ""  # results are for `suggestion` instead of this
    fuzzy: bool = False  # titles similar to the query, not exact matches
    highlights: bool = False  # titles and summaries carry <mark> elements


def highlight(marked, fallback):
    """Escape `marked` and turn the index's markers into <mark> elements."""
    if not marked:
        return escape(fallback or "")
    html = escape(marked).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our tags added


def paginate(items, total, number):
    paginator = Paginator(range(total), PER_PAGE)
    return PaginatorPage(items, number, paginator)


def last_page(total):
    return max(1, -(-total // PER_PAGE))
