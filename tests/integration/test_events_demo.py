"""The demo gains events in both languages: nearly full, sold out and online."""

import pytest
from wagtail_localize.models import Translation

from demo.events import build_events
from events.models import EventPage

pytestmark = pytest.mark.django_db


def test_demo_events_show_seats_in_english_and_spanish(client, site_tree):
    from django.core.cache import cache

    cache.clear()
    index = build_events(site_tree)
    build_events(site_tree)  # idempotent
    assert EventPage.objects.filter(locale=site_tree.locale).count() == 3
    assert Translation.objects.filter(source__object_id=index.translation_key).exists()
    listing = client.get("/en/events/").content.decode()
    assert "2 seats left" in listing and "Sold out" in listing
    assert "50 seats left" in listing
    spanish = client.get("/es/eventos/").content.decode()
    assert "Quedan 2 plazas" in spanish and "Completo" in spanish
    assert "Retiro de silencio en la montaña" in spanish
    online = EventPage.objects.get(slug="full-moon-online-meditation")
    html = client.get(online.url).content.decode()
    assert "meet.example.com" not in html  # the join link is for attendees only
    assert "Free" in html
    cache.clear()
