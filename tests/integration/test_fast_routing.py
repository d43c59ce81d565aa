"""The one-query router (speedups/routing.py) finds what Wagtail's walk finds.

Same pages, same 404s, same private pages, in both language trees, with fewer
queries before the page's own code runs.
"""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail import hooks
from wagtail.models import Locale, Page, PageViewRestriction

from cms.models import LessonPage
from home.models import HomePage, StandardPage
from speedups import locale_memo
from tests.support.catalog import module_catalog_fixture

pytestmark = pytest.mark.django_db

catalog = module_catalog_fixture()

COURSE = "/en/courses/meditation-for-beginners/"
LESSON = COURSE + "01-why-meditate/"
SPANISH_COURSE = "/es/cursos/meditacion-para-principiantes/"
SPANISH_LESSON = SPANISH_COURSE + "01-por-que-meditar/"


def homes():
    return {home.locale.language_code: home for home in HomePage.objects.all()}


def outcome(route, home, components):
    """What routing answers: (page id, args, kwargs), or 404."""
    request = RequestFactory().get("/")
    try:
        page, args, kwargs = route(home, request, components)
    except Http404:
        return 404
    return page.pk, args, kwargs


def fast(home, request, components):
    return home.route(request, components)


def wagtails_walk(home, request, components):
    return Page.route(home, request, components)


def fresh(page):
    """The page as stored (the module's catalog objects outlive each test)."""
    return Page.objects.get(pk=page.pk).specific


def components_of(page, home):
    return [part for part in page.url_path[len(home.url_path) :].split("/") if part]


def test_every_page_of_both_trees_routes_as_wagtail_routes_it(catalog):
    checked = 0
    for home in homes().values():
        pages = Page.objects.descendant_of(home).order_by("path")
        for page in pages:
            components = components_of(page, home)
            for path in (components, [*components, "no-such-page"]):
                expected = outcome(wagtails_walk, home, path)
                assert outcome(fast, home, path) == expected, (page.url_path, path)
            checked += 1
    assert checked > 20


def field_values(page):
    return {
        field.attname: getattr(page, field.attname)
        for field in type(page)._meta.concrete_fields
    }


def test_every_routed_page_holds_what_wagtail_would_load(catalog):
    """The router builds the page from its own rows (speedups.routing._specific)."""
    checked = 0
    for home in homes().values():
        for stored in Page.objects.descendant_of(home).specific().order_by("path"):
            request = RequestFactory().get("/")
            try:
                page, _, _ = home.route(request, components_of(stored, home))
            except Http404:  # not live: Wagtail's walk says the same (test above)
                continue
            assert type(page) is type(stored), stored.url_path
            assert field_values(page) == field_values(stored), stored.url_path
            assert page._state.db == "default" and not page._state.adding
            assert not page.get_deferred_fields(), stored.url_path
            checked += 1
    assert checked > 20


@pytest.mark.parametrize(
    "url, page_type",
    [
        ("/en/", "homepage"),
        ("/es/", "homepage"),
        ("/en/courses/", "courseindexpage"),
        ("/es/cursos/", "courseindexpage"),
        (COURSE, "coursepage"),
        (SPANISH_COURSE, "coursepage"),
        (LESSON, "lessonpage"),
        (SPANISH_LESSON, "lessonpage"),
        ("/en/refund-policy/", "standardpage"),
        ("/es/politica-de-reembolso/", "standardpage"),
    ],
)
def test_every_page_type_answers_in_both_languages(client, catalog, url, page_type):
    response = client.get(url)
    assert response.status_code == 200, url
    page = response.context["page"]
    assert page.specific_class._meta.model_name == page_type
    assert page.url == url


@pytest.mark.parametrize(
    "url",
    [
        "/en/no-such-page/",
        "/en/courses/no-such-course/",
        COURSE + "no-such-lesson/",
        LESSON + "deeper/",
        "/es/cursos/meditation-for-beginners/",  # an English slug in Spanish
        "/en/cursos/",
    ],
)
def test_unknown_slugs_are_404(client, catalog, url):
    assert client.get(url).status_code == 404


def test_courses_that_are_not_live_are_404(client, catalog):
    for course in (catalog.draft, catalog.scheduled):
        assert not course.live
        assert client.get(f"/en/courses/{course.slug}/").status_code == 404


def test_a_live_lesson_under_an_unpublished_course_is_404(client, catalog):
    assert client.get(LESSON).status_code == 200
    fresh(catalog.course).unpublish()
    assert LessonPage.objects.get(url_path__endswith="/01-why-meditate/").live
    assert client.get(LESSON).status_code == 404
    assert client.get(COURSE).status_code == 404
    # (its translation went with it: cms/publishing/scheduling.py)
    assert client.get(SPANISH_LESSON).status_code == 404


def test_a_stale_url_path_falls_back_to_wagtails_walk(client, catalog):
    stale = "/home/courses/renamed/"  # as if a slug change had not reached it
    Page.objects.filter(pk=catalog.course.pk).update(url_path=stale)
    home = homes()["en"]
    for path in (COURSE, LESSON):
        components = path.strip("/").split("/")[1:]
        found = outcome(fast, home, components)
        assert found == outcome(wagtails_walk, home, components) != 404
    response = client.get(COURSE)
    assert response.status_code == 200
    assert response.context["page"].pk == catalog.course.pk
    assert client.get(LESSON).status_code == 200


def test_unicode_slugs_route_as_before(client, catalog):
    home = homes()["en"]
    page = home.add_child(
        instance=StandardPage(title="Meditación", slug="meditación-guiada")
    )
    page.save_revision().publish()
    response = client.get("/en/meditaci%C3%B3n-guiada/")
    assert response.status_code == 200
    assert response.context["page"].pk == page.pk
    assert outcome(fast, home, ["meditación-guiada"]) == outcome(
        wagtails_walk, home, ["meditación-guiada"]
    )
    assert client.get("/en/meditacion-guiada/").status_code == 404


def restrict(page, restriction_type, **fields):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, **fields
    )


def test_a_password_protected_course_still_asks_for_the_password(client, catalog):
    restrict(catalog.course, PageViewRestriction.PASSWORD, password="s3cret")
    for url in (COURSE, LESSON):  # the lesson inherits its course's restriction
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="password"' in html, url
        assert "01-why-meditate" not in html.replace(url, "")  # no lesson list
        assert "no-cache" in response["Cache-Control"]
    assert client.get(SPANISH_COURSE).status_code == 200  # another page


def test_a_login_restriction_on_the_catalog_covers_every_course(client, catalog):
    restrict(catalog.index, PageViewRestriction.LOGIN)
    for url in ("/en/courses/", COURSE, LESSON):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "next=" in response["Location"]
    restriction = PageViewRestriction.objects.get(page=catalog.index)
    restriction.delete()
    assert client.get(COURSE).status_code == 200


def test_a_restriction_on_the_home_page_covers_its_tree(client, catalog):
    restrict(homes()["es"], PageViewRestriction.LOGIN)
    assert client.get(SPANISH_LESSON).status_code == 302
    assert client.get(LESSON).status_code == 200


def test_an_alias_is_private_when_its_source_is(client, catalog):
    restrict(catalog.course, PageViewRestriction.PASSWORD, password="s3cret")
    fresh(catalog.course).create_alias(update_slug="meditation-again")
    response = client.get("/en/courses/meditation-again/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def _before_serving(url):
    """Queries from the URL to the page, through the checks before it is served."""
    language, path = url.strip("/").split("/", 1)
    request = RequestFactory().get(url, HTTP_HOST="localhost")
    request.user = None
    with translation.override(language), CaptureQueriesContext(connection) as q:
        page, args, kwargs = Page.route_for_request(request, path + "/")
        for hook in hooks.get_hooks("before_serve_page"):
            assert hook(page, request, args, kwargs) is None
        list(page.get_view_restrictions())
    return page, len(q)


def test_finding_and_checking_a_page_takes_a_few_queries(catalog):
    # Wagtail's walk and its checks took 10 for a course and 12 for a lesson:
    # site, locale, two per level, unpublished ancestors, ancestors, restrictions.
    _before_serving(COURSE)  # Wagtail's content types, our locales: remembered
    _before_serving(SPANISH_COURSE)
    for url, most in [
        ("/en/courses/", 4),
        (COURSE, 4),
        (LESSON, 4),
        (SPANISH_COURSE, 5),  # Wagtail looks the Spanish home up by translation
        (SPANISH_LESSON, 5),
    ]:
        page, queries = _before_serving(url)
        assert page.url == url
        assert queries <= most, (url, queries)


def test_anonymous_course_and_lesson_pages_take_fewer_queries(client, catalog):
    # 11 and 12 with Wagtail's walk (fragments cached, as here).
    for url, most in [(COURSE, 6), (LESSON, 5)]:
        client.get(url)  # warm: site root paths, renditions
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) <= most, (url, len(queries))


def test_locales_are_remembered_until_one_changes(catalog):
    for language in ("en", "es"):
        with translation.override(language):
            Locale.get_active()
    with CaptureQueriesContext(connection) as queries:
        with translation.override("es"):
            assert Locale.get_active().language_code == "es"
        with translation.override("en"):
            assert Locale.get_active().language_code == "en"
        assert Locale.get_default().language_code == "en"
    assert len(queries) == 0

    languages = [("en", "English"), ("es", "Spanish"), ("fr", "French")]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        french = Locale.objects.create(language_code="fr")
        with translation.override("fr"):
            assert Locale.get_active().pk == french.pk
            french.delete()
            assert Locale.get_active().language_code == "en"  # Wagtail's fallback


def test_the_locale_memory_forgets_after_a_while(catalog, monkeypatch):
    with translation.override("es"):
        spanish = Locale.get_active()
        monkeypatch.setattr(locale_memo, "TTL_SECONDS", 0)
        locale_memo.clear()
        Locale.get_active()
        with CaptureQueriesContext(connection) as queries:
            assert Locale.get_active().pk == spanish.pk
    assert len(queries) == 1


@override_settings(RENDER_CACHE_SECONDS=0)
def test_a_full_render_asks_for_the_locale_never_and_the_product_once(client, catalog):
    """The routed page carries its Locale from memory; the product is kept on it."""
    client.get(COURSE)  # warm: site root paths, renditions
    with CaptureQueriesContext(connection) as queries:
        html = client.get(COURSE).content.decode()
    sql = [query["sql"] for query in queries.captured_queries]
    assert 'lang="en"' in html and '"inLanguage": "en"' in html
    assert not [q for q in sql if q.startswith('SELECT "wagtailcore_locale"')], sql
    assert sum('FROM "commerce_product"' in q for q in sql) == 1, sql
