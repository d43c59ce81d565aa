"""A learner shops and comes back, in English and Spanish, on a desktop and on a
390 px phone: the cart as course cards with its totals and coupon aligned, the
header items apart, My courses as cards with progress and a way in, the footer's
pages in the reader's language, translated learner paths, the favicon, the
placeholder cover, and the error page in Spanish."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.support.commerce import PASSWORD, build_course, publish, translate
from tests.support.learning import enrolled_learner

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"desktop": (1280, 900), "mobile": (390, 844)}
# The image's width once it has loaded (0 if it failed), for an image still on its way.
LOADED_WIDTH = """img => img.complete ? img.naturalWidth : new Promise(done => {
    img.addEventListener("load", () => done(img.naturalWidth), {once: true});
    img.addEventListener("error", () => done(0), {once: true});
})"""

WORDS = {
    "en": {"enroll": "Enroll", "start": "Start the course", "about": "About us"},
    "es": {
        "enroll": "Inscribirse",
        "start": "Empieza el curso",
        "about": "Sobre nosotros",
    },
}


def box(locator):
    return locator.bounding_box()


def overlap(a, b):
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def right(b):
    return b["x"] + b["width"]


@pytest.fixture
def shop(site_tree):
    from django.core.cache import cache
    from wagtail.models import Locale

    from home.models import StandardPage

    cache.clear()
    owned = build_course(site_tree, title="Calm Breathing")
    for_sale = build_course(site_tree, title="Walking Meditation")
    about = publish(
        site_tree.add_child(instance=StandardPage(title="About us", slug="about"))
    )
    about_es = translate(
        about, Locale.objects.get(language_code="es"), "Sobre nosotros"
    )
    enrolled_learner(owned, email="lena@example.com", name="Lena Stone")
    yield {"course": for_sale, "about": {"en": about.url, "es": about_es.url}}
    cache.clear()


def sign_in(page, base, language):
    page.goto(f"{base}/{language}/accounts/login/")
    page.locator("input[name=login]").fill("lena@example.com")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_learner_shops_and_returns_in_both_languages(
    live_server, shop, browser, viewport, tmp_path
):
    width, height = VIEWPORTS[viewport]
    course = shop["course"]
    for language in ("en", "es"):
        words = WORDS[language]
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        try:
            course_page = course.en if language == "en" else course.es
            page.goto(f"{live_server.url}{course_page.url}")
            page.get_by_role("button", name=words["enroll"]).click()
            cart_path = "/en/cart/" if language == "en" else "/es/carrito/"
            expect(page).to_have_url(re.compile(f"{cart_path}$"))

            # The cart: a course card with the placeholder cover, price, remove.
            line = page.locator(".cart-line")
            expect(line).to_have_count(1)
            cover = line.locator("img.cover-placeholder")
            expect(cover).to_be_visible()
            # A lazy image may still be loading: show it, wait for it to load or fail.
            cover.scroll_into_view_if_needed()
            assert cover.evaluate(LOADED_WIDTH) > 0
            expect(line.locator(".cart-line-remove button")).to_be_visible()
            # Totals, coupon and checkout line up on the summary card's right edge.
            summary = box(page.locator(".cart-summary"))
            total = box(page.locator("[data-cart-total]"))
            apply = box(page.locator(".coupon-row button"))
            checkout = box(page.locator(".checkout-form button"))
            assert abs(right(total) - right(apply)) <= 2
            assert abs(right(apply) - right(checkout)) <= 2
            assert right(checkout) < right(summary)
            coupon = page.locator("#coupon-code")
            assert coupon.evaluate("el => getComputedStyle(el).borderTopWidth") == "1px"
            assert abs(box(coupon)["y"] - apply["y"]) <= 2  # same row as Apply
            assert abs(box(coupon)["height"] - apply["height"]) <= 4
            # The whole cart fits the screen: nothing scrolls sideways.
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            page.screenshot(
                path=tmp_path / f"cart-{language}-{viewport}.png", full_page=True
            )

            # The old Spanish path still finds the cart.
            if language == "es":
                page.goto(f"{live_server.url}/es/cart/")
                expect(page).to_have_url(re.compile(r"/es/carrito/$"))

            # Header items stand apart once signed in.
            sign_in(page, live_server.url, language)
            my_courses_path = (
                "/en/my/courses/" if language == "en" else "/es/mis-cursos/"
            )
            page.goto(f"{live_server.url}{my_courses_path}")
            cart_link = box(page.locator(".cart-link"))
            for other in (".my-courses-link", ".account-menu", ".brand"):
                assert not overlap(cart_link, box(page.locator(other))), other

            # My courses: a card with cover, progress and the button in.
            card = page.locator(".learner-course")
            expect(card).to_have_count(1)
            expect(card.locator("h2")).to_contain_text("Calm Breathing")
            expect(card.locator("img.cover-placeholder")).to_be_visible()
            expect(card.locator("progress")).to_be_visible()
            expect(card.get_by_role("link", name=words["start"])).to_be_visible()
            page.screenshot(
                path=tmp_path / f"my-courses-{language}-{viewport}.png", full_page=True
            )

            # The footer leads to the about page of this language.
            footer = page.locator(".site-footer")
            link = footer.get_by_role("link", name=words["about"])
            expect(link).to_have_attribute("href", shop["about"][language])
            link.click()
            expect(page.get_by_role("heading", level=1)).to_have_text(words["about"])
        finally:
            context.close()


def test_favicon_and_touch_icon_are_served(live_server, site_tree, page: Page):
    page.goto(f"{live_server.url}/en/")
    for selector in (
        'link[rel=icon][type="image/svg+xml"]',
        "link[rel=apple-touch-icon]",
    ):
        href = page.locator(selector).get_attribute("href")
        response = page.request.get(f"{live_server.url}{href}")
        assert response.ok, href
        assert response.headers["content-type"].startswith("image/")
    legacy = page.request.get(f"{live_server.url}/favicon.ico")
    assert legacy.ok
    assert legacy.headers["content-type"] == "image/png"


@pytest.mark.urls("tests.support.crash_urls")
def test_visitor_meets_the_error_page_in_spanish(live_server, site_tree, page: Page):
    response = page.goto(f"{live_server.url}/es/explode/")
    assert response.status == 500
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Algo ha salido mal")
    expect(
        page.get_by_role("link", name="Volver a la página de inicio")
    ).to_have_attribute("href", "/es/")
