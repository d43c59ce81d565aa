"""No input makes the storefront answer 5xx.

Hypothesis throws generated paths, query strings and form bodies (NUL bytes,
superscript digits, huge numbers, long and odd Unicode) at every GET and POST
endpoint enumerated from the URLconf (tests/support/endpoints.py), in English and
Spanish, anonymous and signed in, plus the catalog and a course page. The webhook
gets unsigned bodies and must refuse them with 400.
"""

import itertools
import json
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.endpoints import Endpoint, storefront_endpoints

pytestmark = pytest.mark.django_db

NASTY = [
    "",
    "\x00",
    "a\x00b",
    "²",
    "①",
    "١٢",
    "9" * 40,
    "-1",
    "0",
    "1",
    "x" * 2000,
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
    "🧘‍♀️",
    "\u202e\ud7ff",
    "MC-2026-000001",
]
FIELDS = ["product", "code", "order", "next", "remove", "q", "rating", "text", "page"]
values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=60),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
)
forms = st.dictionaries(
    st.sampled_from(FIELDS) | st.text(max_size=8), values, max_size=4
)
addresses = (f"203.0.{a}.{b}" for a, b in itertools.product(range(256), repeat=2))


@pytest.fixture
def endpoints(shop_course):
    pages = [
        Endpoint(route=shop_course.en.url, name="course-en"),
        Endpoint(route=shop_course.es.url, name="course-es"),
        Endpoint(route="/en/courses/", name="catalog-en"),
        Endpoint(route="/es/cursos/", name="catalog-es"),
    ]
    return [*storefront_endpoints(), *pages]


@pytest.fixture
def clients(shop_learner, stripe_standin):
    signed_in = Client(raise_request_exception=False)
    signed_in.force_login(shop_learner)
    return {"anonymous": Client(raise_request_exception=False), "learner": signed_in}


def _fill(endpoint, parameter_values):
    filled = {}
    for (name, converter), value in zip(
        endpoint.parameters, parameter_values, strict=False
    ):
        filled[name] = str(abs(hash(value)) % 10**6) if converter == "int" else value
    return endpoint.path({k: quote(v, safe="") or "x" for k, v in filled.items()})


def test_no_generated_request_gets_a_server_error(endpoints, clients):
    failures = []

    @settings(
        max_examples=300,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        endpoint=st.sampled_from(endpoints),
        who=st.sampled_from(sorted(clients)),
        method=st.sampled_from(["get", "post"]),
        parameter_values=st.lists(values, min_size=2, max_size=2),
        data=forms,
        as_json=st.booleans(),
    )
    def sweep(endpoint, who, method, parameter_values, data, as_json):
        client = clients[who]
        path = _fill(endpoint, parameter_values)
        extra = {"REMOTE_ADDR": next(addresses)}
        if method == "get":
            response = client.get(f"{path}?{urlencode(data)}", **extra)
        elif as_json:
            response = client.post(
                path, json.dumps(data), content_type="application/json", **extra
            )
        else:
            response = client.post(path, data, **extra)
        if response.status_code >= 500:
            failures.append((method.upper(), path, who, data, response.status_code))
        if endpoint.name == "stripe_webhook" and method == "post":
            assert response.status_code == 400, "an unsigned webhook must be refused"

    sweep()
    assert failures == []
