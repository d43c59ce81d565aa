"""Completion certificates: issued once (even under concurrent posts), verified by
anyone with the code showing only name, course and date, unchanged by later
course edits, withdrawn when the enrollment is refunded."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from commerce.models import Enrollment
from learning.certificates import normalise_code
from learning.models import Certificate
from tests.support.learning import complete_url, enrolled_learner


def complete_course(client, course):
    client.post(complete_url(course.free_lesson))
    return client.post(complete_url(course.paid_lesson))


@pytest.mark.django_db
def test_completing_the_last_lesson_opens_the_certificate(client, shop_course):
    ana = enrolled_learner(shop_course)
    client.force_login(ana)
    response = complete_course(client, shop_course)
    certificate = Certificate.objects.get(user=ana)
    assert response.status_code == 302
    assert response["Location"] == f"/en/my/certificates/{certificate.code}/"

    body = client.get(response["Location"]).content.decode()
    assert "Certificate of completion" in body
    assert "Ana García" in body
    assert "Breathing Basics" in body
    assert certificate.code in body
    assert "100% complete" in client.get(shop_course.en.url).content.decode()

    complete_course(client, shop_course)  # completing again changes nothing
    assert Certificate.objects.filter(user=ana).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_complete_posts_issue_exactly_one_certificate(shop_course):
    ana = enrolled_learner(shop_course)
    lessons = (shop_course.free_lesson, shop_course.paid_lesson)
    urls = [complete_url(lesson) for lesson in lessons]
    threads_count = 8
    barrier = threading.Barrier(threads_count)
    statuses, errors = [], []

    def post(url):
        try:
            client = Client()
            client.force_login(ana)
            barrier.wait(timeout=30)
            statuses.append(client.post(url).status_code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=post, args=(urls[i % 2],)) for i in range(threads_count)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert statuses == [302] * threads_count
    assert Certificate.objects.filter(user=ana).count() == 1


@pytest.mark.django_db
def test_verification_shows_only_name_course_and_date(client, shop_course):
    ana = enrolled_learner(shop_course)
    learner = Client()
    learner.force_login(ana)
    complete_course(learner, shop_course)
    certificate = Certificate.objects.get(user=ana)

    response = client.get(f"/en/certificates/verify/{certificate.code}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Valid certificate" in body
    assert "Ana García" in body
    assert "Breathing Basics" in body
    assert timezone.localtime(certificate.issued_at).strftime("%Y-%m-%d") in body
    assert ana.email not in body
    assert "Continue" not in body  # no progress, no account menu for the visitor
    assert f"/my/certificates/{certificate.code}" not in body
    assert "noindex" in body

    typed = certificate.code.replace("-", "").lower()
    response = client.get("/en/certificates/verify/", {"code": typed})
    assert response["Location"] == f"/en/certificates/verify/{certificate.code}/"


@pytest.mark.django_db
def test_unknown_or_malformed_codes_are_not_found(client, site_tree):
    assert client.get("/en/certificates/verify/ABCD-EFGH-JKLM/").status_code == 404
    assert client.get("/en/certificates/verify/<script>/").status_code == 404
    assert client.get("/en/certificates/verify/", {"code": "nope"}).status_code == 400
    assert normalise_code("k7qm 2hxa 9trd") == "K7QM-2HXA-9TRD"


@pytest.mark.django_db
def test_another_learner_cannot_open_my_certificate_page(client, shop_course):
    ana = enrolled_learner(shop_course)
    client.force_login(ana)
    complete_course(client, shop_course)
    code = Certificate.objects.get(user=ana).code
    ben = enrolled_learner(shop_course, email="ben@example.com", name="Ben")
    client.force_login(ben)
    assert client.get(f"/en/my/certificates/{code}/").status_code == 404


@pytest.mark.django_db
def test_certificate_keeps_the_course_title_and_name_it_was_issued_with(
    client, shop_course
):
    ana = enrolled_learner(shop_course)
    client.force_login(ana)
    complete_course(client, shop_course)
    code = Certificate.objects.get(user=ana).code

    course = shop_course.en
    course.title = "Breathing Basics, second edition"
    course.save_revision().publish()
    ana.name = "Ana G. Renamed"
    ana.save()

    body = client.get(f"/en/certificates/verify/{code}/").content.decode()
    assert "Breathing Basics" in body
    assert "second edition" not in body
    assert "Ana García" in body


@pytest.mark.django_db
def test_refunded_enrollment_withdraws_the_certificate(client, shop_course):
    ana = enrolled_learner(shop_course)
    learner = Client()
    learner.force_login(ana)
    complete_course(learner, shop_course)
    code = Certificate.objects.get(user=ana).code

    # What commerce.refunds.record_refunded does on a full refund.
    Enrollment.objects.filter(user=ana).update(revoked_at=timezone.now())

    body = client.get(f"/en/certificates/verify/{code}/").content.decode()
    assert "This certificate was withdrawn." in body
    assert "Ana García" not in body
    assert Certificate.objects.get(code=code).revoked_at is not None
    assert (
        "Certificate withdrawn"
        in learner.get(f"/en/my/certificates/{code}/").content.decode()
    )
