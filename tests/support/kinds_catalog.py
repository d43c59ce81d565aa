"""Courses, events and downloads side by side, for the catalog and search tests.

The search catalog's courses (tests/support/search_catalog.py) plus two upcoming
events (one free), a past and a cancelled one, and two digital products, all
bilingual and published through Wagtail.
"""

from datetime import timedelta

from django.utils import timezone

from tests.support import search_catalog
from tests.support.downloads import build_download
from tests.support.events import build_event


def build(home):
    catalog = search_catalog.build(home)
    catalog.retreat = build_event(
        home,
        "Meditation Retreat",
        title_es="Retiro de meditación",
        starts_in=timedelta(days=30),
        venue="Casa del Lago",
    )
    catalog.morning = build_event(
        home,
        "Meditation Morning",
        title_es="Mañana de meditación",
        starts_in=timedelta(days=5),
        venue="Jardín Zen",
        usd=0,
        eur=0,
    )
    catalog.past = build_event(
        home,
        "Meditation Yesterday",
        title_es="Meditación de ayer",
        starts_in=-timedelta(days=2),
    )
    catalog.cancelled = build_event(
        home,
        "Meditation Cancelled",
        title_es="Meditación cancelada",
        cancelled_at=timezone.now(),
    )
    catalog.audio = build_download(
        home, "Evening Meditation", "Meditación de la tarde", kind="audio"
    )
    catalog.ebook = build_download(
        home, "Yoga Handbook", "Manual de yoga", kind="ebook", file_name="yoga.epub"
    )
    return catalog
