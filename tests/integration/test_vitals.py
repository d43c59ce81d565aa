"""Browsers report page speed to /api/vitals; staff read p75 per page in the admin."""

import json

import pytest

from operations.vitals.models import VitalSample

pytestmark = pytest.mark.django_db


def beacon(client, payload, **extra):
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(
        "/api/vitals", data=body, content_type="application/json", **extra
    )


def test_a_valid_beacon_is_stored(client):
    response = beacon(
        client, {"path": "/es/cursos/", "metrics": {"LCP": 1234.5, "CLS": 0.02}}
    )
    assert response.status_code == 204
    stored = {s.metric: s for s in VitalSample.objects.all()}
    assert stored["LCP"].value == 1234.5
    assert stored["LCP"].language == "es"
    assert stored["CLS"].path == "/es/cursos/"


@pytest.mark.parametrize(
    "payload",
    [
        "not json",
        "[1, 2]",
        {"path": "/en/", "metrics": {}},
        {"path": "/en/", "metrics": {"FID": 10}},
        {"path": "/en/", "metrics": {"LCP": -1}},
        {"path": "/en/", "metrics": {"LCP": "fast"}},
        {"path": "/en/", "metrics": {"LCP": True}},
        {"path": "/en/", "metrics": {"LCP": 1e12}},
        {"path": "/admin/", "metrics": {"LCP": 100}},
        {"path": "https://evil.example/en/", "metrics": {"LCP": 100}},
        {"metrics": {"LCP": 100}},
    ],
)
def test_malformed_beacons_are_refused_and_nothing_is_stored(client, payload):
    assert beacon(client, payload).status_code == 400
    assert not VitalSample.objects.exists()


def test_oversized_beacons_are_refused(client):
    payload = {"path": "/en/" + "a" * 3000, "metrics": {"LCP": 100}}
    assert beacon(client, payload).status_code in {400, 413}
    assert not VitalSample.objects.exists()


def test_beacons_are_rate_limited_per_visitor(client):
    payload = {"path": "/en/", "metrics": {"TTFB": 80}}
    statuses = [beacon(client, payload).status_code for _ in range(31)]
    assert statuses[:30] == [204] * 30
    assert statuses[30] == 429
    assert VitalSample.objects.count() == 30


def test_only_post_is_accepted(client):
    assert client.get("/api/vitals").status_code == 405


def test_staff_see_p75_per_page_and_language(client, superuser):
    for value in (100, 200, 300, 400, 500):
        VitalSample.objects.create(
            metric="LCP", value=value, path="/en/", language="en"
        )
    VitalSample.objects.create(metric="LCP", value=9000, path="/es/", language="es")
    client.force_login(superuser)
    response = client.get("/admin/reports/web-vitals/")
    assert response.status_code == 200
    rows = response.context["rows"]
    english = next(r for r in rows if r["path"] == "/en/")
    assert english["p75"] == pytest.approx(400)
    assert english["samples"] == 5
    assert next(r for r in rows if r["path"] == "/es/")["p75"] == 9000


def test_learners_cannot_open_the_report(client, django_user_model):
    learner = django_user_model.objects.create_user(email="l@example.com", password="x")
    client.force_login(learner)
    response = client.get("/admin/reports/web-vitals/")
    assert response.status_code in {302, 403}
