"""A lesson added to an already translated course shows up as translators' work."""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages

from tests.support.publishing_pages import draft_course, publish, spanish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated_course_gaining_a_lesson(site_tree):
    from cms.models import LessonPage

    course = publish(draft_course(site_tree))
    spanish = publish(spanish_translation(course))
    lesson = course.add_child(
        instance=LessonPage(title="Box Breathing", slug="box-breathing")
    )
    publish(lesson)
    return course, spanish, lesson


@pytest.fixture
def translator(client, django_user_model):
    user = django_user_model.objects.create_user(
        email="translator@mystic.test", password="x" * 12
    )
    user.groups.add(Group.objects.get(name="Translators"))
    client.force_login(user)
    return user


def test_translator_dashboard_lists_the_new_english_lesson(
    client, translator, translated_course_gaining_a_lesson
):
    _course, _spanish, lesson = translated_course_gaining_a_lesson

    page = client.get("/admin/").content.decode()

    assert "Needs translation" in page
    assert "1 English page is not in Spanish yet" in page
    # Translators may not edit the English lesson: they get the page to read.
    assert f'href="/admin/pages/{lesson.pk}/edit/"' not in page
    assert (
        f'href="{lesson.url}" target="_blank" rel="noopener">Box Breathing</a>' in page
    )


def test_spanish_course_editor_names_the_missing_lesson(
    client, translator, translated_course_gaining_a_lesson
):
    _course, spanish, _lesson = translated_course_gaining_a_lesson

    response = client.get(f"/admin/pages/{spanish.pk}/edit/")

    notes = [str(m) for m in get_messages(response.wsgi_request)]
    assert (
        "Needs translation: the English version has pages this one lacks: "
        "Box Breathing." in notes
    )


def test_nothing_to_do_once_the_lesson_is_translated(
    client, translator, translated_course_gaining_a_lesson
):
    _course, _spanish, lesson = translated_course_gaining_a_lesson
    publish(spanish_translation(lesson, title="Respiración cuadrada", slug="cuadrada"))

    assert "Needs translation" not in client.get("/admin/").content.decode()


def test_translator_translates_a_course_with_its_lessons_in_one_action(
    client, translator, site_tree
):
    from wagtail.models import Locale, Page

    from cms.models import LessonPage

    course = publish(draft_course(site_tree))
    lesson = course.add_child(instance=LessonPage(title="Box Breathing", slug="box"))
    publish(lesson)
    url = f"/admin/translate/pages/{course.pk}/?select_locale=es"

    form = client.get(url).content.decode()
    assert re.search(r'name="include_subtree"[^>]*checked', form)

    spanish = Locale.objects.get(language_code="es")
    response = client.post(url, {"locales": [spanish.pk], "include_subtree": "on"})

    assert response.status_code == 302
    assert Page.objects.filter(
        translation_key=lesson.translation_key, locale=spanish
    ).exists()
    dashboard = client.get("/admin/").content.decode()
    assert "is not in Spanish yet" not in dashboard
    assert "Started in Spanish but not published yet" in dashboard
    assert ">Box Breathing</a>" in dashboard


def test_english_change_after_the_last_sync_is_listed_with_sync_link(
    client, translator, site_tree
):
    from wagtail_localize.models import TranslationSource

    course = publish(draft_course(site_tree))
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    translate_object(course, [Locale.objects.get(language_code="es")])
    assert "changed after" not in client.get("/admin/").content.decode()

    publish(course, summary="Now with a longer exhale.")
    source = TranslationSource.objects.get(object_id=course.translation_key)
    page = client.get("/admin/").content.decode()

    assert "1 English page changed after its Spanish translation was last synced" in (
        page
    )
    assert f'href="/admin/localize/update/{source.pk}/">Sync translated pages' in page


def test_published_spanish_page_at_the_english_address_is_flagged(
    client, translator, site_tree
):
    course = publish(draft_course(site_tree))
    spanish = publish(spanish_translation(course, slug=course.slug))

    assert "still at the English address" in client.get("/admin/").content.decode()
    response = client.get(f"/admin/pages/{spanish.pk}/edit/")
    notes = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("still uses the English slug “breathing-basics”" in n for n in notes)

    publish(spanish, slug="respiracion-basica")
    assert "still at the English address" not in client.get("/admin/").content.decode()


def test_spanish_editor_suggests_a_slug_from_the_translated_title(
    client, translator, site_tree
):
    course = publish(draft_course(site_tree))
    spanish = publish(
        spanish_translation(course, title="Baño de sonido", slug=course.slug)
    )

    response = client.get(f"/admin/pages/{spanish.pk}/edit/")

    notes = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "From the translated title: “bano-de-sonido”." in notes


def test_course_menu_offers_translation_with_its_lessons_until_translated(
    client, django_user_model, translated_course_gaining_a_lesson, site_tree
):
    from cms.models import LessonPage

    editor = django_user_model.objects.create_user(
        email="editor@mystic.test", password="x" * 12
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    english = publish(draft_course(site_tree, title="Sound Bath", slug="sound-bath"))
    publish(english.add_child(instance=LessonPage(title="Bowls", slug="bowls")))
    translated, _spanish, _lesson = translated_course_gaining_a_lesson
    link = "/admin/translate/pages/{}/"

    editor_page = client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert link.format(english.pk) in editor_page
    assert "Translate with its subpages" in editor_page
    assert (
        link.format(translated.pk)
        not in client.get(f"/admin/pages/{translated.pk}/edit/").content.decode()
    )
