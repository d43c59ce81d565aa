"""What an event's or a digital product's search document holds.

Courses keep theirs in search.indexing (lessons make them special). Which pages
are indexed is each kind's own "listable" rule, asked of its queryset and never
restated here: `EventPage.objects.listable()` (published, not cancelled, not
over), `DownloadPage.objects.listable()`. An event's document carries its end
as `expire_at`, so the query leaves it out once it is over, without a signal.
"""

import re

from django.utils.html import strip_tags
from django.utils.translation import override

from downloads.models import DownloadPage
from events.models import EventPage

# Characters we never store: NUL (PostgreSQL text refuses it) and the two control
# characters search.postgres uses as highlight markers.
_UNSTORABLE = re.compile(r"[\x00\x02\x03]")
_SPACES = re.compile(r"\s+")


def clean_text(value):
    return _SPACES.sub(" ", _UNSTORABLE.sub("", str(value or ""))).strip()


def sentences(*parts):
    """Join a subtitle and a summary as sentences: "A subtitle. The summary."
    (a part already ending in . ! ? … or : keeps its own stop)."""
    kept = [clean_text(part) for part in parts if clean_text(part)]
    return " ".join(
        part if part[-1] in ".!?…:" or index == len(kept) - 1 else f"{part}."
        for index, part in enumerate(kept)
    )


def _common(page):
    return {
        "language": page.locale.language_code,
        "translation_key": page.translation_key,
        "title": clean_text(page.title),
        "summary": clean_text(page.summary),
        "category_id": None,
        "category_slug": "",
        "category_name": "",
        "level": "",
        "duration_minutes": 0,
        "first_published_at": page.first_published_at,
    }


def event_fields(event):
    """An event's words (body, place, instructors) and its dates."""
    body = [strip_tags(event.body or ""), event.venue, event.address]
    body.extend(instructor.name for instructor in event.localized_instructors())
    return {
        **_common(event),
        "kind": "event",
        "body": clean_text(" ".join(filter(None, body))),
        "starts_at": event.starts_at,
        "expire_at": event.listed_until,
    }


def download_fields(download):
    """A product's words and its kind's name in its language ("Audio", "Libro
    electrónico"), so "audio" finds audio products."""
    with override(download.locale.language_code):
        kind_name = str(download.get_kind_display())
    body = [strip_tags(download.description or ""), kind_name]
    return {
        **_common(download),
        "kind": "download",
        "body": clean_text(" ".join(filter(None, body))),
        "starts_at": None,
        "expire_at": download.expire_at,
    }


def listable_events():
    return EventPage.objects.listable().select_related("locale")


def listable_downloads():
    return DownloadPage.objects.listable().select_related("locale")
