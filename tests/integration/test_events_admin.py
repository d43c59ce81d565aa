"""Shop staff run an event: seats sold/held/left at a glance, the attendee list
with check-in and CSV, a message to every attendee, cancelling with refunds."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase

from commerce.models import Order
from events.models import Attendee, Booking, EventPage
from tests.fakes.stripe_server import signed_post
from tests.support.commerce import WEBHOOK_SECRET, make_learner

pytestmark = pytest.mark.django_db


def deliver(client, event):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return signed_post(client, event, WEBHOOK_SECRET)


def paid_booking(client, event, email, lang, names, standin):
    user = make_learner(email)
    client.force_login(user)
    book = "/en/book/" if lang == "en" else "/es/reservar/"
    page = event.en if lang == "en" else event.es
    client.post(f"{book}{page.pk}/", {"seats": len(names), "name": names})
    client.post("/en/checkout/" if lang == "en" else "/es/pago/")
    order = Order.objects.get(user=user)
    deliver(client, standin.pay(order.stripe_session_id, deliver=False))
    return order


@pytest.fixture
def staff_client(client):
    def sign_in():
        staff = make_learner("shop@example.com")
        staff.groups.add(Group.objects.get(name="Shop staff"))
        client.force_login(staff)
        return client

    return sign_in


def test_shop_staff_see_seats_check_in_export_message_and_cancel(
    client, shop_event, stripe_standin, staff_client
):
    stripe_standin.auto_refund_events = False
    paid_booking(
        client, shop_event, "ana@example.com", "es", ["Ana", "=cmd"], stripe_standin
    )
    paid_booking(client, shop_event, "bo@example.com", "en", ["Bo"], stripe_standin)
    staff = staff_client()

    overview = staff.get("/admin/events/").content.decode()
    assert "Silent Retreat" in overview and "<td data-sold>3</td>" in overview
    assert "<td data-left>17</td>" in overview
    page = staff.get(f"/admin/events/{shop_event.en.pk}/attendees/").content.decode()
    assert "3 sold, 0 held, 17 left" in page and "ana@example.com" in page

    bo = Attendee.objects.get(name="Bo")
    staff.post(f"/admin/events/attendees/{bo.pk}/check-in/")
    bo.refresh_from_db()
    assert bo.checked_in_at is not None

    export = staff.get(f"/admin/events/{shop_event.en.pk}/attendees/?export=csv")
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[0] == ["name", "booked_by", "language", "order", "checked_in_at"]
    assert ["'=cmd", "ana@example.com", "es"] == rows[1][:3]
    assert rows[2][0] == "Ana" and rows[3][0] == "Bo" and rows[3][4]

    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        staff.post(
            f"/admin/events/{shop_event.en.pk}/message/",
            {"subject": "Bring a blanket", "body": "Nights are cold."},
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["ana@example.com", "bo@example.com"]
    assert all("Nights are cold." in m.body for m in mail.outbox)

    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        cancelled = staff.post(f"/admin/events/{shop_event.en.pk}/cancel/")
    assert "/attendees/" in cancelled["Location"]
    assert not Booking.objects.filter(status=Booking.CONFIRMED).exists()
    assert all(order.refunds.count() == 1 for order in Order.objects.all())
    assert all(p.cancelled_at for p in EventPage.objects.all())
    subjects = sorted(m.subject for m in mail.outbox)
    assert any("se ha cancelado" in s for s in subjects)
    assert any("is cancelled" in s for s in subjects)
    assert "Cancelled" in client.get(shop_event.en.url).content.decode()


def test_editors_cannot_open_the_attendee_list(client, shop_event):
    editor = make_learner("ed@example.com")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get(f"/admin/events/{shop_event.en.pk}/attendees/?export=csv")
    assert response.status_code in (302, 403)
    assert client.post(f"/admin/events/{shop_event.en.pk}/cancel/").status_code in (
        302,
        403,
    )
