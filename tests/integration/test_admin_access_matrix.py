"""Role × admin URL: every admin screen and export the project adds checks a
permission, whatever the menu shows.

The URLs come from Wagtail's hooks and the resolver (tests/support/admin_urls.py);
a URL this table does not know fails the test until someone decides who may
open it.
"""

import re

import pytest
from django.contrib.auth.models import Group

from accounts.models import OutgoingEmail
from cms.models import Category, Instructor
from cms.publishing.sharing import create_share_link
from commerce.models import Coupon, Enrollment, Order
from downloads.models import DownloadGrant, DownloadLog
from events.models import Attendee, Booking
from learning.models import Review
from tests.support.admin_urls import admin_urls, project_admin_routes
from tests.support.commerce import make_learner

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "learner",
    "Editors",
    "Moderators",
    "Translators",
    "Marketing",
    "Shop staff",
    "superuser",
]
NOBODY = frozenset()
SUPERUSER = frozenset({"superuser"})
SHOP = frozenset({"Shop staff", "superuser"})
SHARERS = frozenset({"Editors", "Moderators", "Marketing", "superuser"})
REVIEWERS = frozenset({"Moderators", "superuser"})
CATALOG_EDITORS = frozenset({"Editors", "Moderators", "superuser"})
CATALOG_TRANSLATORS = CATALOG_EDITORS | {"Translators"}

# Who may open each URL: by "namespace:action" first, then by namespace.
RULES = {
    # Orders change only through their rules (webhooks, refunds), never a form.
    "commerce_order:add": NOBODY,
    "commerce_order:copy": NOBODY,
    "commerce_order:edit": NOBODY,
    "commerce_order:delete": NOBODY,
    # Wagtail's history and usage screens need "change"; the order page itself
    # shows the order's timeline.
    "commerce_order:history": NOBODY,
    "commerce_order:history_results": NOBODY,
    "commerce_order:usage": NOBODY,
    "commerce_order": SHOP,
    "commerce_order_refund": SHOP,  # POST only: a GET that passes gets 405
    "commerce_enrollment:delete": SUPERUSER,  # staff revoke, never delete
    "commerce_enrollment": SHOP,
    "commerce_coupon": SHOP,
    "commerce_product:delete": SUPERUSER,
    "commerce_product": SHOP,
    "commerce_sales_report": SHOP,
    "commerce_sales_report_results": SHOP,
    # Outgoing emails: the worker's record (sent, waiting, failed), read-only.
    "accounts_outgoing_email:add": NOBODY,
    "accounts_outgoing_email:edit": NOBODY,
    "accounts_outgoing_email:delete": NOBODY,
    "accounts_outgoing_email:history": NOBODY,
    "accounts_outgoing_email:history_results": NOBODY,
    "accounts_outgoing_email:usage": NOBODY,
    "accounts_outgoing_email": SUPERUSER,
    # The download log is what happened: read by those who read orders.
    "downloads_log:add": NOBODY,
    "downloads_log:edit": NOBODY,
    "downloads_log:delete": NOBODY,
    "downloads_log:history": NOBODY,
    "downloads_log:history_results": NOBODY,
    "downloads_log:usage": NOBODY,
    "downloads_log": SHOP,
    # Event bookings: seats at a glance, attendees (CSV), check-in, messages and
    # cancelling an event (POST only: a GET that passes gets 405).
    "events_admin_index": SHOP,
    "events_admin_attendees": SHOP,
    "events_admin_check_in": SHOP,
    "events_admin_message": SHOP,
    "events_admin_cancel": SHOP,
    # Reviews are written by learners: moderators decide, never add or delete.
    "learning_review:add": NOBODY,
    "learning_review:delete": NOBODY,
    "learning_review": REVIEWERS,
    "publishing_share_links_index": SHARERS,
    "publishing_page_share_links": SHARERS,
    "publishing_revoke_share_link": SHARERS,  # POST only
    # wagtail-localize's "submit_translation": those who start translations.
    "publishing_translate_with_subpages": CATALOG_TRANSLATORS,
    "vitals_report": SUPERUSER,
    # Operators: every database's connections, the shape of every statement.
    "operations_database_health": SUPERUSER,
    # Translators translate snippets (change) but do not create or delete them.
    "wagtailsnippets_cms_category:add": CATALOG_EDITORS,
    "wagtailsnippets_cms_category:copy": CATALOG_EDITORS,
    "wagtailsnippets_cms_category:delete": CATALOG_EDITORS,
    # The samples are English originals: translators are sent back to the list
    # (they edit the Spanish ones: test_translator_snippet_access.py).
    "wagtailsnippets_cms_category:edit": CATALOG_EDITORS,
    "wagtailsnippets_cms_category": CATALOG_TRANSLATORS,
    "wagtailsnippets_cms_instructor:add": CATALOG_EDITORS,
    "wagtailsnippets_cms_instructor:copy": CATALOG_EDITORS,
    "wagtailsnippets_cms_instructor:delete": CATALOG_EDITORS,
    "wagtailsnippets_cms_instructor:edit": CATALOG_EDITORS,
    "wagtailsnippets_cms_instructor": CATALOG_TRANSLATORS,
}


SNIPPET_LIST = re.compile(r"^/admin/snippets/[a-z_]+/[a-z_]+/$")


def allowed_roles(label):
    name = label.partition("?")[0]
    namespace = name.partition(":")[0]
    for key in (name, namespace):
        if key in RULES:
            return RULES[key]
    raise AssertionError(f"{name} is a new admin URL: add it to RULES")


def outcome(response):
    """What the person got: the screen (or, for POST-only, past the check),
    a refusal, or something that is neither."""
    if response.status_code in (200, 405):
        return "allowed"
    if response.status_code == 403:
        return "refused"
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/admin/login/") or location == "/admin/":
            return "refused"
        if "/accounts/login/" in location or "/login/" in location:
            return "refused"
        if SNIPPET_LIST.match(location):  # sent back to the list, with a message
            return "refused"
    return f"status {response.status_code}"


@pytest.fixture
def samples(shop_course, shop_event):
    """One object of each kind an admin URL can point at."""
    learner = make_learner(email="matrix-learner@example.com")
    order = Order.objects.create(email=learner.email, user=learner, currency="USD")
    enrollment = Enrollment.objects.create(
        user=learner, product=shop_course.product, source=Enrollment.SOURCE_GRANT
    )
    review = Review.objects.create(
        user=learner, product=shop_course.product, language="en", rating=5, text="Good"
    )
    link, _token = create_share_link(shop_course.en, learner)
    grant = DownloadGrant.objects.create(
        user=learner, product=shop_course.product, source="grant"
    )
    log = DownloadLog.objects.create(
        grant=grant, user=learner, product=shop_course.product, file_name="a.mp3"
    )
    return {
        Order: order,
        Enrollment: enrollment,
        Coupon: Coupon.objects.create(code="MATRIX10", kind="percent", percent_off=10),
        type(shop_course.product): shop_course.product,
        Review: review,
        DownloadLog: log,
        OutgoingEmail: OutgoingEmail.objects.create(
            to=learner.email, from_email="shop@example.com", subject="Hi", body_text="."
        ),
        Category: Category.objects.create(name="Breath", slug="breath"),
        Instructor: Instructor.objects.create(name="Ana Ruiz"),
        ("commerce_order_refund", "pk"): order,
        "page_id": shop_course.en,
        "link_id": link,
        "event_id": shop_event.en,
        "attendee_id": Attendee.objects.create(
            booking=Booking.objects.create(
                user=learner, product=shop_event.product, seats=1, status="confirmed"
            ),
            name="Matrix guest",
        ),
    }


def sign_in_as(client, django_user_model, role):
    if role == "anonymous":
        return
    if role == "learner":
        user = make_learner(email="someone@example.com")
    elif role == "superuser":
        user = django_user_model.objects.create_superuser(
            email="root@example.com", password="x" * 12
        )
    else:
        user = make_learner(email=f"{role.replace(' ', '-').lower()}@example.com")
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)


def test_every_admin_url_of_the_project_is_listed_with_every_export():
    names = {route.name for route in project_admin_routes()}
    assert {
        "commerce_sales_report",
        "commerce_sales_report_results",
        "vitals_report",
        "operations_database_health",
        "publishing_share_links_index",
        "commerce_order:index",
        "learning_review:index",
        "wagtailsnippets_cms_category:list",
    } <= names
    exporting = {route.name for route in project_admin_routes() if route.exports}
    assert {"commerce_sales_report", "commerce_order:index"} <= exporting


@pytest.mark.parametrize("role", ROLES)
def test_role_opens_exactly_the_admin_urls_its_permissions_allow(
    client, django_user_model, samples, role
):
    sign_in_as(client, django_user_model, role)
    wrong = []
    for label, url in admin_urls(samples):
        expected = "allowed" if role in allowed_roles(label) else "refused"
        got = outcome(client.get(url))
        if got != expected:
            wrong.append(f"{label} ({url}): expected {expected}, got {got}")
    assert not wrong, f"{role}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_shop_staff_download_the_sales_report_in_each_format(
    client, django_user_model, samples, fmt
):
    sign_in_as(client, django_user_model, "Shop staff")
    response = client.get(f"/admin/commerce/reports/sales/?export={fmt}")
    assert response.status_code == 200
    assert f".{fmt}" in response["Content-Disposition"]
