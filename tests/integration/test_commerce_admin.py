"""Staff run the shop from the Wagtail admin: find orders, refund them, grant and
revoke enrollments, see revenue and export sales."""

import pytest
from django.test import TestCase

from commerce.models import Enrollment, Order, Refund
from tests.fakes.stripe_server import signed_post
from tests.support.commerce import WEBHOOK_SECRET, make_learner

pytestmark = pytest.mark.django_db


def deliver(client, event):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return signed_post(client, event, WEBHOOK_SECRET)


@pytest.fixture
def paid_order(client, shop_course, shop_learner, stripe_standin):
    client.force_login(shop_learner)
    client.post("/en/cart/add/", {"product": shop_course.product.pk})
    client.post("/en/checkout/")
    order = Order.objects.get()
    deliver(client, stripe_standin.pay(order.stripe_session_id, deliver=False))
    client.logout()
    order.refresh_from_db()
    assert order.status == Order.PAID
    return order


def test_orders_list_filters_searches_and_exports_csv(client, superuser, paid_order):
    client.force_login(superuser)
    listing = client.get("/admin/commerce/orders/", {"q": "ana@"})
    assert paid_order.number in listing.content.decode()
    assert (
        paid_order.number
        not in client.get(
            "/admin/commerce/orders/", {"status": "refunded"}
        ).content.decode()
    )
    assert (
        paid_order.number
        in client.get(
            "/admin/commerce/orders/", {"course": paid_order.lines.get().product_id}
        ).content.decode()
    )
    export = client.get("/admin/commerce/orders/", {"export": "csv"})
    csv_text = b"".join(export.streaming_content).decode()
    assert paid_order.number in csv_text and "4900" in csv_text


def test_staff_cannot_create_or_edit_orders_by_hand(client, superuser, paid_order):
    client.force_login(superuser)
    assert client.get("/admin/commerce/orders/new/").status_code in (302, 403)
    response = client.get(f"/admin/commerce/orders/edit/{paid_order.pk}/")
    assert response.status_code in (302, 403)


def test_full_refund_is_pending_until_the_webhook_then_revokes_access(
    client, superuser, paid_order, stripe_standin, shop_course
):
    stripe_standin.auto_refund_events = False
    client.force_login(superuser)
    detail = client.get(f"/admin/commerce/orders/inspect/{paid_order.pk}/")
    assert "Timeline" in detail.content.decode()
    client.post(f"/admin/commerce/orders/{paid_order.pk}/refund/", {"amount": "49.00"})
    refund = Refund.objects.get()
    assert refund.status == Refund.PENDING and refund.stripe_refund_id
    _m, _p, params, key = stripe_standin.requests[-1]
    assert key == f"refund-{refund.pk}" and params["amount"] == "4900"
    detail = client.get(f"/admin/commerce/orders/inspect/{paid_order.pk}/")
    assert "refund pending" in detail.content.decode()
    assert Enrollment.objects.active().count() == 1

    deliver(
        client, stripe_standin.settle_refund(refund.stripe_refund_id, deliver=False)
    )
    paid_order.refresh_from_db()
    refund.refresh_from_db()
    assert paid_order.status == Order.REFUNDED
    assert refund.status == Refund.SUCCEEDED
    assert Enrollment.objects.active().count() == 0
    assert paid_order.emails.filter(kind__startswith="refund").count() == 1


def test_partial_refund_is_recorded_and_access_stays(
    client, superuser, paid_order, stripe_standin
):
    stripe_standin.auto_refund_events = False
    client.force_login(superuser)
    client.post(f"/admin/commerce/orders/{paid_order.pk}/refund/", {"amount": "10"})
    refund = Refund.objects.get()
    deliver(
        client, stripe_standin.settle_refund(refund.stripe_refund_id, deliver=False)
    )
    paid_order.refresh_from_db()
    assert paid_order.status == Order.PAID
    assert paid_order.refunded_minor == 1000
    assert Enrollment.objects.active().count() == 1


def test_refund_larger_than_the_order_is_refused(
    client, superuser, paid_order, stripe_standin
):
    client.force_login(superuser)
    client.post(f"/admin/commerce/orders/{paid_order.pk}/refund/", {"amount": "500"})
    assert not Refund.objects.exists()
    assert len([r for r in stripe_standin.requests if r[1] == "/v1/refunds"]) == 0


def test_staff_grant_and_revoke_an_enrollment(client, superuser, shop_course):
    learner = make_learner("scholar@example.com")
    client.force_login(superuser)
    response = client.post(
        "/admin/commerce/enrollments/new/",
        {
            "user": learner.pk,
            "product": shop_course.product.pk,
            "note": "Scholarship",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.source == Enrollment.SOURCE_GRANT and enrollment.is_active
    client.post(
        f"/admin/commerce/enrollments/edit/{enrollment.pk}/",
        {"user": learner.pk, "product": shop_course.product.pk, "note": "Ended"},
    )
    enrollment.refresh_from_db()
    assert not enrollment.is_active


def test_dashboard_shows_revenue_and_recent_orders(client, superuser, paid_order):
    client.force_login(superuser)
    body = client.get("/admin/").content.decode()
    assert "Revenue today" in body and "$49.00" in body
    assert paid_order.number in body


def test_sales_report_by_course_and_month_exports(client, superuser, paid_order):
    client.force_login(superuser)
    report = client.get("/admin/commerce/reports/sales/")
    assert "Breathing Basics" in report.content.decode()
    export = client.get("/admin/commerce/reports/sales/", {"export": "csv"})
    csv_text = b"".join(export.streaming_content).decode()
    assert "Breathing Basics" in csv_text and "4900" in csv_text


def test_editors_set_prices_and_coupons_in_the_admin(client, superuser, shop_course):
    client.force_login(superuser)
    assert client.get("/admin/commerce/prices/").status_code == 200
    assert client.get("/admin/commerce/prices/new/").status_code == 200
    assert client.get("/admin/commerce/coupons/new/").status_code == 200
    assert "$49.00" in client.get("/admin/commerce/prices/").content.decode()


def test_restoring_a_refunded_learners_course_is_staffs_grant_not_the_order(
    client, superuser, paid_order, stripe_standin
):
    stripe_standin.auto_refund_events = False
    client.force_login(superuser)
    client.post(f"/admin/commerce/orders/{paid_order.pk}/refund/", {"amount": "49.00"})
    refund = Refund.objects.get()
    deliver(
        client, stripe_standin.settle_refund(refund.stripe_refund_id, deliver=False)
    )
    enrollment = Enrollment.objects.get()
    assert not enrollment.is_active

    client.post(
        f"/admin/commerce/enrollments/edit/{enrollment.pk}/",
        {
            "user": enrollment.user_id,
            "product": enrollment.product_id,
            "note": "Goodwill",
            "active": "on",
        },
    )
    enrollment.refresh_from_db()
    assert enrollment.is_active
    assert enrollment.source == Enrollment.SOURCE_GRANT
    assert enrollment.order is None and enrollment.note == "Goodwill"
