"""The storefront a learner browses: catalog, course, lessons, in both languages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import CourseIndexPage, CoursePage, LessonPage
from home.models import HomePage, StandardPage
from tests.support.catalog import module_catalog_fixture

pytestmark = pytest.mark.django_db

# 30 generated courses per language on top of the demo ones: three result pages.
catalog = module_catalog_fixture(generated=30)


def card_titles(html):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def test_page_types_only_fit_where_the_storefront_expects_them(catalog):
    assert not CourseIndexPage.can_create_at(catalog.index)
    assert CoursePage.can_create_at(catalog.index)
    assert not CoursePage.can_create_at(catalog.home)
    assert LessonPage.can_create_at(catalog.course)
    assert not LessonPage.can_create_at(catalog.index)
    assert StandardPage.can_create_at(catalog.home)
    assert not HomePage.can_create_at(catalog.index)


def test_catalog_lists_live_courses_of_its_own_language(client, catalog):
    english = card_titles(html_of(client, "/en/courses/"))
    assert "Meditation for Beginners" in english
    assert "Meditación para principiantes" not in english
    spanish = card_titles(html_of(client, "/es/cursos/"))
    assert "Meditación para principiantes" in spanish
    assert "Meditation for Beginners" not in spanish
    for text in ("Yoga Nidra for Sleep", "Walking Meditation"):  # scheduled, draft
        assert text not in html_of(client, "/en/courses/?sort=title")


def test_catalog_filters_by_category_level_and_duration(client, catalog):
    yoga = html_of(client, "/es/cursos/?category=yoga")
    assert "Yoga suave por la mañana" in card_titles(yoga)
    assert "Meditación para principiantes" not in card_titles(yoga)
    assert '<option value="yoga" selected>' in yoga

    beginner_short = html_of(client, "/en/courses/?level=beginner&duration=medium")
    titles = card_titles(beginner_short)
    assert "Meditation for Beginners" in titles  # 95 minutes, beginner
    assert "Gentle Yoga Mornings" in titles  # 80 minutes, beginner
    courses = CoursePage.objects.live().filter(title__in=titles)
    assert courses.count() == len(titles)
    assert all(c.level == "beginner" for c in courses)
    assert all(60 <= c.duration_minutes < 180 for c in courses)


def test_catalog_shows_twelve_per_page_and_keeps_filters_in_page_links(client, catalog):
    first = html_of(client, "/en/courses/?sort=title")
    assert first.count('class="course-card"') == 12
    assert "32 courses" in first  # 2 live demo courses + 30 generated
    assert 'href="?sort=title&amp;page=2" rel="next"' in first
    last = html_of(client, "/en/courses/?sort=title&page=3")
    assert last.count('class="course-card"') == 8
    assert 'rel="next"' not in last


def test_catalog_sorts_by_title(client, catalog):
    html = html_of(client, "/en/courses/?sort=title")
    titles = card_titles(html)
    assert titles == sorted(titles)


@pytest.mark.parametrize(
    "query",
    [
        "?category=nope",
        "?level=guru",
        "?page=abc",
        "?page=999",
        "?sort=price",
        "?page=-1",
    ],
)
def test_catalog_ignores_bad_filter_values(client, catalog, query):
    html = html_of(client, f"/en/courses/{query}")
    assert 'class="course-card"' in html


def test_switcher_goes_to_the_same_course_in_the_other_language(client, catalog):
    spanish = html_of(client, "/es/cursos/meditacion-para-principiantes/")
    assert 'href="/en/courses/meditation-for-beginners/" hreflang="en"' in spanish
    english = html_of(client, "/en/courses/meditation-for-beginners/")
    assert 'href="/es/cursos/meditacion-para-principiantes/" hreflang="es"' in english
    assert (
        '<link rel="alternate" hreflang="x-default" '
        'href="http://testserver/en/courses/meditation-for-beginners/">' in spanish
    )


def test_spanish_course_is_a_wagtail_localize_translation(catalog):
    from wagtail_localize.models import Translation, TranslationSource

    source = TranslationSource.objects.get_for_instance(catalog.course)
    assert Translation.objects.filter(
        source=source, target_locale__language_code="es"
    ).exists()
    spanish = catalog.spanish_course
    assert spanish.translation_key == catalog.course.translation_key
    # Structural fields come from the source; the category is the Spanish one.
    assert spanish.level == catalog.course.level
    assert spanish.duration_minutes == catalog.course.duration_minutes
    assert spanish.category.name == "Meditación"
    assert [lesson.is_free_preview for lesson in spanish.get_children().specific()] == [
        lesson.is_free_preview for lesson in catalog.course.get_children().specific()
    ]


def test_scheduled_and_draft_courses_are_not_served_to_visitors(client, catalog):
    for course in (catalog.scheduled, catalog.draft):
        assert not course.live
        html_of(client, course.url_path.replace("/home/", "/en/"), status=404)
        assert course.title not in html_of(client, "/en/")
        assert course.title not in html_of(client, "/sitemap-pages.xml")
    assert catalog.scheduled.go_live_at is not None


def test_unpublished_changes_to_a_live_course_stay_private(client, catalog):
    course = CoursePage.objects.get(pk=catalog.course.pk)
    course.summary = "SECRET DRAFT SUMMARY"
    course.save_revision()
    html = html_of(client, "/en/courses/meditation-for-beginners/")
    assert "SECRET DRAFT SUMMARY" not in html
    assert "SECRET DRAFT SUMMARY" not in html_of(client, "/en/courses/")


def test_paid_lesson_shows_title_and_lock_but_never_its_body(client, catalog):
    course = html_of(client, "/en/courses/meditation-for-beginners/")
    assert course.count('class="lesson-item is-locked"') == 3
    assert course.count("Free preview") == 2

    paid = html_of(client, "/en/courses/meditation-for-beginners/03-counting-breaths/")
    assert "<h1>Counting breaths</h1>" in paid
    assert "This lesson is part of the full course." in paid
    assert "Find a comfortable position" not in paid
    assert "youtube" not in paid
    assert 'content="noindex' in paid

    free = html_of(client, "/en/courses/meditation-for-beginners/01-why-meditate/")
    assert "Find a comfortable position" in free
    assert "https://www.youtube-nocookie.com/embed/inpok4MKVLM" in free


def test_paid_lesson_body_is_kept_out_of_the_search_index(catalog):
    lessons = LessonPage.objects.child_of(catalog.course).order_by("path")
    free, paid = lessons[0], lessons[2]
    assert "comfortable position" in free.searchable_body()
    assert paid.searchable_body() == ""


def test_lessons_link_to_previous_and_next_in_order(client, catalog):
    html = html_of(
        client, "/es/cursos/meditacion-para-principiantes/02-encontrar-tu-postura/"
    )
    assert (
        'href="/es/cursos/meditacion-para-principiantes/01-por-que-meditar/" rel="prev"'
        in html
    )
    following = "/es/cursos/meditacion-para-principiantes/03-contar-respiraciones/"
    assert f'href="{following}" rel="next"' in html


def test_course_preview_modes_show_anonymous_and_enrolled_views(catalog):
    course = CoursePage.objects.get(pk=catalog.course.pk)
    assert [mode for mode, _label in course.preview_modes] == [
        "",
        "anonymous",
        "enrolled",
    ]
    anonymous = course.make_preview_request(preview_mode="anonymous")
    enrolled = course.make_preview_request(preview_mode="enrolled")
    assert anonymous.status_code == enrolled.status_code == 200
    anonymous_html = anonymous.render().content.decode()
    enrolled_html = enrolled.render().content.decode()
    assert "Preview: as an anonymous visitor" in anonymous_html
    assert "is-locked" in anonymous_html
    assert "Preview: as an enrolled learner" in enrolled_html
    assert "is-locked" not in enrolled_html
    assert "You are enrolled in this course." in enrolled_html

    paid = LessonPage.objects.child_of(course).order_by("path")[2]
    as_learner = paid.make_preview_request(preview_mode="enrolled").render()
    assert "Find a comfortable position" in as_learner.content.decode()


def test_course_page_describes_itself_to_search_engines(client, catalog):
    html = html_of(client, "/es/cursos/meditacion-para-principiantes/")
    summary = catalog.spanish_course.summary
    assert f'<meta name="description" content="{summary}">' in html
    assert (
        '<link rel="canonical" '
        'href="http://testserver/es/cursos/meditacion-para-principiantes/">' in html
    )
    assert '<meta property="og:title" content="Meditación para principiantes">' in html
    assert '<meta property="og:image" content="http://testserver/' in html
    assert '"@type": "Course"' in html
    assert '"inLanguage": "es"' in html
    assert '<html lang="es">' in html


def test_course_cover_is_a_responsive_webp_picture(client, catalog):
    html = html_of(client, "/en/courses/")
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert 'type="image/webp"' in picture
    assert re.search(r'width="\d+"', picture) and re.search(r'height="\d+"', picture)
    assert "400w" in picture and "800w" in picture
    assert 'loading="lazy"' in html  # cards below the fold


def test_sitemap_lists_both_languages_with_alternates(client, catalog):
    index = html_of(client, "/sitemap.xml")
    assert "http://testserver/sitemap-pages.xml" in index
    pages = html_of(client, "/sitemap-pages.xml")
    assert (
        "<loc>http://testserver/es/cursos/meditacion-para-principiantes/</loc>" in pages
    )
    assert (
        '<xhtml:link rel="alternate" hreflang="en" '
        'href="http://testserver/en/courses/meditation-for-beginners/"/>' in pages
    )
    assert 'hreflang="x-default"' in pages


def test_robots_txt_points_to_the_sitemap_and_hides_the_admin(client, catalog):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_home_page_shows_featured_newest_courses_and_categories(client, catalog):
    html = html_of(client, "/es/")
    assert "Cursos para la vida interior" in html
    assert 'id="featured-heading"' in html
    assert "Meditación para principiantes" in html
    assert 'href="/es/cursos/?category=yoga"' in html
    assert "Yoga Nidra" not in html and "Walking" not in html


def test_simple_pages_exist_in_both_languages(client, catalog):
    assert "Refund policy" in html_of(client, "/en/refund-policy/")
    assert "Política de reembolso" in html_of(client, "/es/politica-de-reembolso/")
    assert "¿Necesito algún material?" in html_of(client, "/es/preguntas-frecuentes/")


def test_header_links_to_the_catalog_in_the_visitors_language(client, catalog):
    assert '<a href="/es/cursos/"' in html_of(client, "/es/")
    assert '<a href="/en/courses/"' in html_of(client, "/en/about/")


def test_seed_is_idempotent(catalog):
    from demo.catalog import DemoCatalog
    from tests.support.catalog import TEST_COURSES

    before = CoursePage.objects.count(), LessonPage.objects.count()
    DemoCatalog().build(catalog.home, courses=TEST_COURSES)
    assert (CoursePage.objects.count(), LessonPage.objects.count()) == before


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_page_query_counts_do_not_grow_with_the_catalog(client, catalog):
    from demo.bulk import ensure_bulk_courses

    # Full result pages only: each card may ask commerce for its price.
    urls = ["/en/", "/en/courses/", "/es/cursos/?sort=title&page=2"]
    urls.append("/en/courses/meditation-for-beginners/")
    for url in urls:
        client.get(url)  # warm caches (site root paths, renditions)
    small = {url: _queries(client, url) for url in urls}
    ensure_bulk_courses(catalog.index, 90, lessons_per_course=3)
    for url in urls:
        client.get(url)
    large = {url: _queries(client, url) for url in urls}
    assert large == small
