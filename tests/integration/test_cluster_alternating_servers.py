"""One learner's journey answered by two app servers in turn (issue 18).

Two real gunicorn processes on different ports share the test database and
Redis, as app servers behind a load balancer do; every request names the same
host, as it would through the balancer. Whichever server answers, the learner
stays signed in, keeps their cart, is rate-limited at the same count as on one
server, and sees a page published elsewhere at once (the page-cache purge
reaches both).
"""

import os
import re
import time

import pytest
import requests
from django.conf import settings

from tests.support.app_servers import app_servers, database_url, wait_until_up
from tests.support.commerce import PASSWORD, publish

pytestmark = pytest.mark.django_db(transaction=True)
PORTS = (18020, 18021)  # this checkout's share of 127.0.0.1
HOST = "shop.localhost"  # the one name both servers are reached by
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
AUTOCOMPLETE_PER_MINUTE = 30  # search/views.py


@pytest.fixture
def booting_servers(transactional_db):
    """Servers A and B, started now; they boot while the test's data is made."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.support.cluster_settings",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "TRUSTED_PROXY_COUNT": "1",  # the balancer's X-Forwarded-For says who
    }
    with app_servers(env, PORTS) as processes:
        yield processes


@pytest.fixture
def two_servers(booting_servers, shop_course, shop_learner):
    """The base URLs of A and B once both answer, the shop's data committed."""
    bases = [f"http://127.0.0.1:{port}" for port in PORTS]
    for base, process in zip(bases, booting_servers, strict=True):
        wait_until_up(base, process)
    return bases


class Browser:
    """One learner's browser; every request reaches the shop by the same name."""

    def __init__(self):
        self.http = requests.Session()
        self.http.headers["Host"] = HOST

    def get(self, server, path, **headers):
        return self.http.get(
            server + path, headers=headers, allow_redirects=False, timeout=20
        )

    def post(self, server, path, data):
        origin = {"Origin": f"http://{HOST}"}
        return self.http.post(
            server + path, data=data, headers=origin, allow_redirects=False, timeout=20
        )


def title(reply):
    return re.search(r"<h1[^>]*>\s*([^<]+?)\s*<", reply.text)[1]


def test_one_learner_journey_alternating_two_servers(
    two_servers, shop_course, shop_learner
):
    a, b = two_servers
    browser = Browser()

    # Signed in on A, known on B.
    page = browser.get(a, "/en/accounts/login/")
    token = TOKEN.search(page.text)[1]
    signed_in = browser.post(
        a,
        "/en/accounts/login/",
        {
            "login": shop_learner.email,
            "password": PASSWORD,
            "csrfmiddlewaretoken": token,
        },
    )
    assert signed_in.status_code == 302
    assert "Sign out" in browser.get(b, "/en/").text

    # Added to the cart on B, in the cart on A.
    added = browser.post(b, "/en/cart/add/", {"product": shop_course.product.pk})
    assert added.status_code == 302
    cart_on_a = browser.get(a, "/en/cart/")
    assert cart_on_a.status_code == 200
    assert "Breathing Basics" in cart_on_a.text
    assert "is in your cart" in cart_on_a.text  # B's message, shown by A

    # The autocomplete limit (30 a minute per visitor) counts both servers'
    # requests: refused at the same count as on one server.
    if time.time() % 60 > 50:  # one fixed window per minute: do not straddle two
        time.sleep(61 - time.time() % 60)
    on_one_server = allowed_before_refusal([a], "203.0.113.10")
    alternating = allowed_before_refusal([a, b], "203.0.113.11")
    assert on_one_server == AUTOCOMPLETE_PER_MINUTE
    assert alternating == on_one_server

    # A page cached by A is served by B; publishing elsewhere purges it for both.
    visitor = Browser()
    path = shop_course.en.url
    first = visitor.get(a, path)
    assert first.headers["X-Page-Cache"] == "miss"
    assert title(first) == "Breathing Basics"
    from_b = visitor.get(b, path)
    assert from_b.headers["X-Page-Cache"] == "hit"
    assert title(from_b) == "Breathing Basics"
    course = shop_course.en
    course.title = "Breathing Deeper"
    publish(course)  # an editor (or the scheduler) in another process
    assert title(visitor.get(b, path)) == "Breathing Deeper"
    assert title(visitor.get(a, path)) == "Breathing Deeper"

    # Signed out on B: A no longer knows the learner.
    token = TOKEN.search(browser.get(a, "/en/").text)[1]
    signed_out = browser.post(b, "/en/accounts/logout/", {"csrfmiddlewaretoken": token})
    assert signed_out.status_code == 302
    after = browser.get(a, "/en/my/courses/")
    assert after.status_code == 302
    assert "/accounts/login/" in after.headers["Location"]


def allowed_before_refusal(servers, client_ip):
    """Autocomplete requests answered before the first 429, servers in turn."""
    browser = Browser()
    for count in range(AUTOCOMPLETE_PER_MINUTE + 5):
        reply = browser.get(
            servers[count % len(servers)],
            "/api/search/autocomplete?q=bre&lang=en",
            **{"X-Forwarded-For": client_ip},
        )
        if reply.status_code == 429:
            return count
        assert reply.status_code == 200
    return None
