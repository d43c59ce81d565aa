"""Visitors using assistive technology: axe-core finds no serious or critical
accessibility problem on home, catalog, course, free-preview lesson and search,
in English and Spanish.

axe-core is the npm package pinned in tools/lighthouse (`make test` installs it).
The site's CSP forbids inline scripts, so axe is injected into a browser context
created with `bypass_csp=True`; the pages themselves are unchanged.
"""

import json
from pathlib import Path

import pytest

from tests.support.catalog import TEST_COURSES

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = (
    Path(__file__).resolve().parents[2]
    / "tools"
    / "lighthouse"
    / "node_modules"
    / "axe-core"
    / "axe.min.js"
)
BLOCKING = {"serious", "critical"}
SEARCH = {"en": "/en/search/?q=meditation", "es": "/es/buscar/?q=meditacion"}


@pytest.fixture
def axe_source():
    if not AXE.exists():
        pytest.fail(
            f"axe-core is missing ({AXE}): run `cd tools/lighthouse && npm ci` "
            "(`make test` does it for you)."
        )
    return AXE.read_text()


@pytest.fixture
def demo_catalog(site_tree, settings, tmp_path):
    from django.core.cache import cache
    from wagtail.models import Collection

    from demo.catalog import DemoCatalog

    cache.clear()  # the flush changed page ids; drop cached site root paths
    if not Collection.get_first_root_node():  # a previous test's flush removed it
        Collection.add_root(name="Root")
    settings.MEDIA_ROOT = str(tmp_path)
    return DemoCatalog().build(site_tree, courses=TEST_COURSES)


def storefront_paths(language):
    """Home, catalog, a course, its free-preview lesson and search, in `language`."""
    from cms.models import CourseIndexPage, CoursePage, LessonPage

    live = {"locale__language_code": language, "live": True}
    course = CoursePage.objects.filter(**live).order_by("path").first()
    lesson = (
        LessonPage.objects.descendant_of(course)
        .filter(live=True, is_free_preview=True)
        .first()
    )
    assert lesson is not None, "the demo course has a free-preview lesson"
    return [
        f"/{language}/",
        CourseIndexPage.objects.filter(**live).first().url,
        course.url,
        lesson.url,
        SEARCH[language],
    ]


def serious_violations(page, axe_source):
    page.evaluate(axe_source)
    results = page.evaluate("async () => await axe.run(document)")
    return [v for v in results["violations"] if v["impact"] in BLOCKING]


def describe(violations):
    return json.dumps(
        [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in violations
        ],
        indent=2,
        ensure_ascii=False,
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_storefront_pages_have_no_serious_accessibility_violations(
    live_server, demo_catalog, browser, axe_source, language
):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    found = {}
    try:
        for path in storefront_paths(language):
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, path
            violations = serious_violations(page, axe_source)
            if violations:
                found[path] = violations
    finally:
        context.close()
    if found:
        pytest.fail(
            "axe-core found serious/critical violations:\n"
            + "\n".join(f"{path}:\n{describe(v)}" for path, v in found.items())
        )
