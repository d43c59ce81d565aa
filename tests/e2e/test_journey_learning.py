"""An enrolled learner completes a short course, sees 100 %, opens the
certificate; a visitor who is not signed in verifies it by its code."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.support.commerce import PASSWORD, build_course
from tests.support.learning import enrolled_learner

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_learner_completes_course_and_visitor_verifies_certificate(
    live_server, site_tree, page: Page, browser
):
    from django.core.cache import cache

    cache.clear()
    course = build_course(site_tree, title="Calm Breathing")
    enrolled_learner(course, email="lena@example.com", name="Lena Stone")

    page.goto(f"{live_server.url}/en/accounts/login/?next=/en/my/courses/")
    page.get_by_label("Email").fill("lena@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My courses")
    expect(page.get_by_text("0% complete")).to_be_visible()

    page.get_by_role("link", name="Start the course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome")
    page.get_by_role("button", name="Mark as complete").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Deep practice")
    expect(page.get_by_text("50% complete")).to_be_visible()
    outline = page.get_by_role("navigation", name="Course outline")
    expect(outline.locator("li.is-complete")).to_have_text(re.compile("Welcome"))
    page.get_by_role("button", name="Mark as complete").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Certificate of completion"
    )
    expect(page.get_by_text("Lena Stone")).to_be_visible()
    code = page.locator(".certificate-code strong").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)

    page.goto(f"{live_server.url}{course.en.url}")
    expect(page.get_by_text("100% complete")).to_be_visible()
    page.get_by_role("link", name="Your certificate of completion").click()
    expect(page.locator(".certificate-code strong")).to_have_text(code)

    visitor = browser.new_context()
    try:
        other = visitor.new_page()
        other.goto(f"{live_server.url}/en/certificates/verify/")
        other.get_by_label("Verification code").fill(code.lower().replace("-", " "))
        other.get_by_role("button", name="Verify").click()
        expect(other).to_have_url(re.compile(rf"/en/certificates/verify/{code}/$"))
        expect(other.get_by_text("Valid certificate")).to_be_visible()
        expect(other.locator(".verify-name")).to_have_text("Lena Stone")
        expect(other.locator(".verify-course")).to_have_text("Calm Breathing")
        expect(other.get_by_text("lena@example.com")).to_have_count(0)
    finally:
        visitor.close()
