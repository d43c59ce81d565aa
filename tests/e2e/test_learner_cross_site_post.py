"""A learner opens a page on another site that secretly posts to "add to cart";
they stay signed in with the same cart. The cached course page's own Enroll
button keeps working (it carries no CSRF token, so the page can be cached)."""

import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

from tests.support.commerce import PASSWORD, build_course, make_learner

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def english(name):
    with translation.override("en"):
        return reverse(name)


@pytest.fixture
def other_site(tmp_path):
    """A second origin: http.server on 127.0.0.1 (the live server is `localhost`,
    another site to the browser), serving whatever pages the test writes."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_learner_stays_signed_in_with_the_same_cart_when_another_site_posts(
    live_server, site_tree, other_site, page: Page
):
    course = build_course(site_tree, title="Star Reading")
    lure = build_course(site_tree, title="Lure Course")
    make_learner("ana@example.com")
    directory, other_origin = other_site
    (directory / "win.html").write_text(
        f"""<!doctype html><html><body><h1>You won!</h1>
        <form method="post" action="{live_server.url}{english("commerce:cart_add")}">
          <input type="hidden" name="product" value="{lure.product.pk}">
        </form><script>document.forms[0].submit()</script></body></html>"""
    )

    with override_settings(PAGE_CACHE_SECONDS=300):
        # The course page comes from the page cache; its Enroll button works.
        course_url = f"{live_server.url}{course.en.url}"
        page.goto(course_url)
        cached = page.goto(course_url)
        assert cached.headers.get("x-page-cache") == "hit"
        page.get_by_role("button", name="Enroll").click()
        expect(page).to_have_url(re.compile(r"/en/cart/$"))
        expect(page.locator("main")).to_contain_text("Star Reading")

        # Signing in keeps the cart.
        page.goto(f"{live_server.url}{english('account_login')}")
        page.get_by_label("Email").fill("ana@example.com")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("link", name="My account")).to_be_visible()

        # Another site's page posts to "add to cart" behind the learner's back.
        page.goto(f"{other_origin}/win.html")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "This form came from another site"
        )

        # Still signed in, and the cart is the one they left.
        page.goto(f"{live_server.url}{english('commerce:cart')}")
        expect(page.get_by_role("link", name="My account")).to_be_visible()
        main = page.locator("main")
        expect(main).to_contain_text("Star Reading")
        expect(main).not_to_contain_text("Lure Course")
