"""A reminder goes out once a day before; events are in the sitemap in both
languages."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase

from events.models import Attendee, Booking
from tests.support.commerce import make_learner
from tests.support.events import build_event

pytestmark = pytest.mark.django_db


def test_attendees_are_reminded_once_a_day_before(site_tree):
    tomorrow = build_event(site_tree, "Dawn Sit", starts_in=timedelta(hours=20))
    later = build_event(site_tree, "Later Sit", starts_in=timedelta(days=5))
    learner = make_learner()
    for event in (tomorrow, later):
        booking = Booking.objects.create(
            user=learner,
            product=event.product,
            seats=1,
            status=Booking.CONFIRMED,
            language="es",
        )
        Attendee.objects.create(booking=booking, name="Ana")
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_event_reminders")
        call_command("send_event_reminders")
    reminders = [m for m in mail.outbox if "Mañana" in m.subject]
    assert len(reminders) == 1 and "Dawn Sit (ES)" in reminders[0].subject


def test_events_are_in_the_sitemap_in_both_languages(client, shop_event):
    body = b"".join(
        client.get(f"/sitemap-{section}.xml").content for section in ("pages",)
    ).decode()
    assert shop_event.en.url in body and shop_event.es.url in body
