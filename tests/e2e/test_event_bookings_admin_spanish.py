"""Shop staff whose admin speaks Spanish run an event: the "Reservas de
eventos" screens (seats at a glance, attendees, check-in, message, cancel)
read in Spanish from top to bottom."""

import importlib
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from events.models import Attendee, Booking
from tests.support.commerce import PASSWORD, make_learner
from tests.support.events import build_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "/tmp/e2e-screenshots"))  # noqa: S108


def shop_staff_group():
    """The group as migration events 0002 and publishing 0004 make it (a
    transactional test's flush empties what the migrations filled)."""
    for app, module, function in [
        ("cms.publishing", "0004_marketing_reads_drafts_and_shop_staff", "grant"),
        ("events", "0002_shop_staff_manage_bookings", "grant"),
    ]:
        migration = importlib.import_module(f"{app}.migrations.{module}")
        getattr(migration, function)(apps, None)


@pytest.fixture
def staff_es(live_server, site_tree):
    from django.core.cache import cache
    from wagtail.users.models import UserProfile

    cache.clear()
    event = build_event(site_tree, "Silent Retreat", capacity=8)
    learner = make_learner("lucia@example.com")
    booking = Booking.objects.create(
        product=event.product,
        user=learner,
        seats=2,
        status=Booking.CONFIRMED,
        language="es",
    )
    for name in ("Lucía", "Marta"):
        Attendee.objects.create(booking=booking, name=name)
    shop_staff_group()
    staff = make_learner("tienda@example.com")
    staff.groups.add(Group.objects.get(name="Shop staff"))
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "es"
    profile.save()
    return event


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"event-admin-es-{name}.png", full_page=True)


def test_shop_staff_run_an_event_in_spanish(live_server, staff_es, page: Page):
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("input[name=username]").fill("tienda@example.com")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.get_by_role("link", name="Reservas de eventos").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Reservas de eventos")
    row = page.locator("tr", has_text="Silent Retreat (ES)")
    expect(row.locator("[data-sold]")).to_have_text("2")
    expect(row.locator("[data-left]")).to_have_text("6")
    shot(page, "index")

    row.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Silent Retreat (ES)")
    expect(page.locator("[data-seats]")).to_contain_text(
        "Aforo 8: 2 vendidas, 0 retenidas, 6 libres."
    )
    page.get_by_role("button", name="Registrar entrada").first.click()
    expect(page.get_by_role("button", name="Deshacer registro")).to_have_count(1)
    expect(
        page.get_by_role("heading", name="Escribir a los asistentes")
    ).to_be_visible()
    shot(page, "attendees")
    expect(page.get_by_label("Asunto")).to_be_visible()
    expect(page.get_by_text("lucia@example.com (español)").first).to_be_visible()
    cancel = page.get_by_role("button", name="Cancelar el evento y reembolsar a todos")
    cancel.scroll_into_view_if_needed()
    expect(page.get_by_text("Se cancela cada reserva")).to_be_visible()
    page.screenshot(path=SHOTS / "event-admin-es-attendees-end.png")
