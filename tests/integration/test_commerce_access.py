"""The access rule: a paid lesson's body reaches only enrolled learners, staff
and share links; everyone else sees the title, price and Enroll."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from cms.access import can_view_lesson_body
from commerce.access import can_open_lesson
from commerce.enrollments import enroll
from commerce.models import Enrollment
from tests.support.commerce import make_learner

pytestmark = pytest.mark.django_db


def test_visitor_sees_title_price_and_enroll_but_never_the_paid_body(
    client, shop_course
):
    body = client.get(shop_course.paid_lesson.url).content.decode()
    assert "Deep practice" in body
    assert "PAID-BODY-SECRET" not in body
    course_page = client.get(shop_course.en.url).content.decode()
    assert "$49.00" in course_page
    assert "Enroll" in course_page


def test_free_preview_opens_for_everyone(client, shop_course):
    body = client.get(shop_course.free_lesson.url).content.decode()
    assert "FREE-BODY-TEXT" in body


def test_enrolled_learner_opens_the_paid_lesson_in_both_languages(
    client, shop_course, shop_learner
):
    enroll(shop_learner, shop_course.product, source=Enrollment.SOURCE_GRANT)
    client.force_login(shop_learner)
    assert (
        "PAID-BODY-SECRET" in client.get(shop_course.paid_lesson.url).content.decode()
    )
    assert (
        "PAID-BODY-SECRET"
        in client.get(shop_course.paid_lesson_es.url).content.decode()
    )


def test_another_learner_stays_locked_out(client, shop_course, shop_learner):
    enroll(shop_learner, shop_course.product, source=Enrollment.SOURCE_GRANT)
    client.force_login(make_learner("eve@example.com"))
    assert (
        "PAID-BODY-SECRET"
        not in client.get(shop_course.paid_lesson.url).content.decode()
    )


def test_revoked_enrollment_locks_the_lesson_again(shop_course, shop_learner):
    enrollment = enroll(shop_learner, shop_course.product, source="grant")
    assert can_open_lesson(shop_learner, shop_course.paid_lesson)
    enrollment.revoked_at = enrollment.created_at
    enrollment.save()
    assert not can_open_lesson(shop_learner, shop_course.paid_lesson)


def test_staff_open_every_lesson(shop_course, db):
    staff = make_learner("staff@example.com")
    staff.is_staff = True
    staff.save()
    assert can_open_lesson(staff, shop_course.paid_lesson)


def test_share_link_opens_only_its_own_lesson(shop_course, db):
    from cms.publishing.sharing import create_share_link

    admin = make_learner("editor@example.com")
    admin.is_superuser = True
    admin.save()
    _link, token = create_share_link(shop_course.paid_lesson, admin)

    def anonymous_with(share):
        request = RequestFactory().get("/", {"share": share})
        request.user = AnonymousUser()
        return request

    paid = shop_course.paid_lesson
    assert can_view_lesson_body(anonymous_with(token), paid)
    assert not can_view_lesson_body(anonymous_with("x" * 10), paid)
    other = shop_course.en.add_child(
        instance=type(shop_course.paid_lesson)(title="Other", slug="other")
    )
    assert not can_view_lesson_body(anonymous_with(token), other)


def test_my_courses_lists_enrolled_courses_in_the_readers_language(
    client, shop_course, shop_learner
):
    enroll(shop_learner, shop_course.product, source="grant")
    client.force_login(shop_learner)
    assert "Breathing Basics (ES)" in client.get("/es/mis-cursos/").content.decode()
    assert "Breathing Basics" in client.get("/en/my/courses/").content.decode()


def test_personal_data_export_and_erasure_cover_the_shop(shop_course, shop_learner):
    from accounts import personal_data

    enroll(shop_learner, shop_course.product, source="grant")
    data = personal_data.export_personal_data(shop_learner)
    assert data["shop"]["enrollments"][0]["course"] == "Breathing Basics"
    personal_data.delete_account(None, shop_learner)
    assert not Enrollment.objects.active().filter(user=shop_learner).exists()


def test_catalog_filters_and_sorts_by_price_in_the_readers_currency(site_tree):
    from django.utils import translation

    from cms.models import CoursePage
    from commerce.pricing import filter_by_price, order_by_price
    from tests.support.commerce import build_course

    build_course(site_tree, "Pricey", usd=9900, eur=100)
    build_course(site_tree, "Gratis", usd=0, eur=0)
    build_course(site_tree, "Middle", usd=4900, eur=4500)
    english = CoursePage.objects.filter(locale__language_code="en")
    with translation.override("en"):
        assert [p.title for p in filter_by_price(english, "free")] == ["Gratis"]
        assert [p.title for p in order_by_price(english)] == [
            "Gratis",
            "Middle",
            "Pricey",
        ]
    with translation.override("es"):
        assert [p.title for p in order_by_price(english)][1] == "Pricey"
