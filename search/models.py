"""The storefront's search index: one row per listable course, event or download.

Wagtail's database backend keeps one text-search configuration for the whole
index, so English and Spanish pages cannot be stemmed each in their own language
(docs/decisions/0050-search-own-index.md). This table is ours: each row is built
with its page's language configuration and holds only what searching, filtering
and showing a result needs. On PostgreSQL the vectors and the normalised title are
filled and GIN-indexed by `search.postgres`; on SQLite the table stays empty and
Wagtail's backend answers instead.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    """What the search page knows about one course, event or digital product
    in one language. Category, level and duration are a course's only."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(max_length=8)
    # A cms.listing key: "course", "event" or "download".
    kind = models.CharField(max_length=16, default="course", db_default="course")
    translation_key = models.UUIDField()
    title = models.TextField()
    summary = models.TextField(blank=True)
    # Course body, category name and the text of free-preview lessons; never the
    # body of a paid lesson.
    body = models.TextField(blank=True)
    category_id = models.IntegerField(null=True, blank=True)
    category_slug = models.CharField(max_length=80, blank=True)
    category_name = models.CharField(max_length=80, blank=True)
    level = models.CharField(max_length=20, blank=True)
    duration_minutes = models.PositiveIntegerField(default=0)
    first_published_at = models.DateTimeField(null=True, blank=True)
    # Events: their start (listed soonest first); courses and downloads: null.
    starts_at = models.DateTimeField(null=True, blank=True)
    # When the document stops being shown: the page's expiry, or for an event
    # its end (EventPage.listed_until), so past events drop out by themselves.
    expire_at = models.DateTimeField(null=True, blank=True)
    # Filled in SQL by search.postgres (PostgreSQL only).
    search_vector = SearchVectorField(null=True, editable=False)
    title_vector = SearchVectorField(null=True, editable=False)
    title_norm = models.TextField(blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["language", "first_published_at"],
                name="search_doc_language_date",
            ),
            models.Index(fields=["translation_key"]),
            models.Index(fields=["category_id"]),
        ]

    def __str__(self):
        return f"{self.language}: {self.title}"


class SearchTerm(models.Model):
    """A word of a live course title, per language: what "Did you mean" offers.

    Filled from SearchDocument titles by search.postgres; a trigram index on
    `word` finds the closest one to a misspelt word in a few hundred rows instead
    of comparing against every title.
    """

    language = models.CharField(max_length=8)
    word = models.CharField(max_length=100)  # lowercase, accents removed
    display = models.CharField(max_length=100)  # lowercase, as titles spell it

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language", "word"], name="search_term_unique_word"
            )
        ]

    def __str__(self):
        return f"{self.language}: {self.display}"
