"""An event to book in tests: English page + Spanish translation + prices."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from tests.support.commerce import publish, translate


@dataclass
class Event:
    en: object
    es: object
    product: object


def build_event(
    home,
    title="Silent Retreat",
    capacity=20,
    usd=9000,
    eur=8000,
    starts_in=timedelta(days=30),
    slug=None,
    title_es=None,
    **fields,
):
    from commerce.models import Price, Product
    from events.models import EventIndexPage, EventPage

    es = Locale.objects.get(language_code="es")
    index = EventIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        index = home.add_child(instance=EventIndexPage(title="Events", slug="events"))
        publish(index)
        translated = index.copy_for_translation(es)
        translated.title = translated.draft_title = "Eventos"
        translated.slug = "eventos"
        publish(translated)
    starts = timezone.now().replace(microsecond=0) + starts_in
    defaults = {
        "summary": f"About {title}.",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=6),
        "time_zone": "Europe/Madrid",
        "venue": "Casa del Lago",
        "address": "Calle Mayor 1, Madrid",
        "capacity": capacity,
        "refund_days_before": 7,
    }
    defaults.update(fields)
    page = index.add_child(
        instance=EventPage(
            title=title, slug=slug or title.lower().replace(" ", "-"), **defaults
        )
    )
    publish(page)
    page_es = translate(page, es, title_es or f"{title} (ES)")
    product = Product.objects.get(translation_key=page.translation_key)
    for currency, amount in (("USD", usd), ("EUR", eur)):
        if amount is not None:
            Price.objects.create(
                product=product, currency=currency, amount_minor=amount
            )
    return Event(page, page_es, product)


@pytest.fixture
def shop_event(site_tree):
    from django.core.cache import cache

    cache.clear()
    yield build_event(site_tree)
    cache.clear()
