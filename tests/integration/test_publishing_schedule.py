"""Scheduled courses and their translations appear and disappear together.

The clock is moved with time_machine; Wagtail's own `publish_scheduled` command
does the publishing, exactly as the cron job / dev scheduler runs it.
"""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from cms.publishing.models import HeldTranslation
from tests.support.publishing_pages import (
    draft_course,
    fresh,
    in_days,
    publish,
    schedule,
    spanish_translation,
)

pytestmark = pytest.mark.django_db

EN_URL = "/en/courses/breathing-basics/"
ES_URL = "/es/cursos/respiracion-basica/"


def run_scheduler():
    call_command("publish_scheduled")


def test_scheduled_course_is_invisible_until_publish_scheduled_runs(client, site_tree):
    course = draft_course(site_tree)
    go_live = in_days(3)
    schedule(course, go_live)

    assert client.get(EN_URL).status_code == 404
    assert fresh(course).scheduled_revision is not None

    with time_machine.travel(go_live - timedelta(minutes=5)):
        run_scheduler()
        assert client.get(EN_URL).status_code == 404

    with time_machine.travel(go_live + timedelta(minutes=1)):
        run_scheduler()
        response = client.get(EN_URL)
    assert response.status_code == 200
    assert "Breathing Basics" in response.content.decode()


def test_spanish_translation_goes_live_with_its_source_never_before(client, site_tree):
    course = draft_course(site_tree)
    go_live = in_days(2)
    schedule(course, go_live)
    spanish = spanish_translation(course)

    # The translator publishes the Spanish page today: it must wait.
    publish(spanish)
    spanish = fresh(spanish)
    assert not spanish.live
    assert spanish.go_live_at == go_live
    assert spanish.scheduled_revision is not None
    assert client.get(ES_URL).status_code == 404

    with time_machine.travel(go_live - timedelta(minutes=1)):
        run_scheduler()
        assert client.get(ES_URL).status_code == 404
        assert client.get(EN_URL).status_code == 404

    with time_machine.travel(go_live + timedelta(seconds=30)):
        run_scheduler()
        assert client.get(EN_URL).status_code == 200
        response = client.get(ES_URL)
    assert response.status_code == 200
    assert "Respiración básica" in response.content.decode()
    english, spanish = fresh(course), fresh(spanish)
    assert spanish.first_published_at >= english.first_published_at
    assert not HeldTranslation.objects.exists()


def test_scheduler_publishes_the_translation_once(site_tree):
    course = draft_course(site_tree)
    go_live = in_days(1)
    schedule(course, go_live)
    spanish = spanish_translation(course)
    publish(spanish)

    with time_machine.travel(go_live + timedelta(minutes=1)):
        run_scheduler()
    spanish = fresh(spanish)
    published = PageLogEntry.objects.filter(
        page=spanish, action__startswith="wagtail.publish"
    ).exclude(action="wagtail.publish.schedule")
    assert spanish.live
    assert published.count() == 1


def test_translation_published_while_source_is_a_draft_waits_for_the_source(
    client, site_tree
):
    course = draft_course(site_tree)
    spanish = spanish_translation(course)

    publish(spanish)
    assert not fresh(spanish).live
    assert client.get(ES_URL).status_code == 404

    publish(course)
    assert client.get(EN_URL).status_code == 200
    assert client.get(ES_URL).status_code == 200


def test_rescheduling_the_source_moves_its_translation(client, site_tree):
    course = draft_course(site_tree)
    schedule(course, in_days(1))
    spanish = spanish_translation(course)
    publish(spanish)

    later = in_days(5)
    schedule(course, later)
    assert fresh(spanish).go_live_at == later

    with time_machine.travel(in_days(2)):
        run_scheduler()
        assert client.get(ES_URL).status_code == 404
    with time_machine.travel(later + timedelta(minutes=1)):
        run_scheduler()
        assert client.get(ES_URL).status_code == 200
        assert client.get(EN_URL).status_code == 200


def test_translation_created_with_wagtail_localize_is_held_too(
    client, site_tree, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale
    from wagtail_localize.models import TranslationSource

    course = draft_course(site_tree)
    go_live = in_days(1)
    schedule(course, go_live)
    source, _created = TranslationSource.get_or_create_from_instance(fresh(course))
    with django_capture_on_commit_callbacks(execute=True):
        spanish, _created = source.create_or_update_translation(
            Locale.objects.get(language_code="es"),
            publish=True,
            copy_parent_pages=True,
            fallback=True,
        )
    spanish = fresh(spanish)
    assert not spanish.live
    assert spanish.scheduled_revision is not None

    with time_machine.travel(go_live + timedelta(minutes=1)):
        run_scheduler()
    assert fresh(spanish).live


def test_expired_course_and_its_translation_are_gone(client, site_tree):
    course = draft_course(site_tree)
    spanish = spanish_translation(course)
    publish(course)
    publish(spanish)
    assert client.get(ES_URL).status_code == 200

    expire_at = timezone.now() + timedelta(hours=6)
    publish(course, expire_at=expire_at)
    assert fresh(spanish).expire_at == expire_at

    with time_machine.travel(expire_at + timedelta(minutes=1)):
        run_scheduler()
        assert client.get(EN_URL).status_code == 404
        assert client.get(ES_URL).status_code == 404
    assert fresh(course).expired
    assert fresh(spanish).expired


def test_unpublishing_the_source_takes_its_translation_down(client, site_tree):
    course = draft_course(site_tree)
    spanish = spanish_translation(course)
    publish(course)
    publish(spanish)

    fresh(course).unpublish()

    assert client.get(EN_URL).status_code == 404
    assert client.get(ES_URL).status_code == 404


def test_draft_content_is_never_served_to_anonymous_visitors(client, site_tree):
    course = draft_course(site_tree)
    publish(course, title="Breathing Basics")
    page = fresh(course)
    page.title = "Secret new title"
    page.save_revision()

    response = client.get(EN_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Breathing Basics" in html
    assert "Secret new title" not in html

    never_published = draft_course(site_tree, title="Hidden Draft", slug="hidden")
    assert client.get("/en/courses/hidden/").status_code == 404
    assert never_published.pk


def live_lesson(course, slug="lesson-one"):
    from cms.models import LessonPage

    lesson = course.add_child(
        instance=LessonPage(title="First breath", slug=slug, is_free_preview=True)
    )
    lesson.save_revision().publish()
    return fresh(lesson)


def test_lessons_of_a_scheduled_course_wait_for_the_course(client, site_tree):
    course = draft_course(site_tree)
    go_live = in_days(1)
    schedule(course, go_live)
    live_lesson(fresh(course))

    assert client.get(EN_URL + "lesson-one/").status_code == 404
    with time_machine.travel(go_live + timedelta(minutes=1)):
        run_scheduler()
        assert client.get(EN_URL + "lesson-one/").status_code == 200


def test_an_expired_course_takes_its_lessons_down(client, site_tree):
    course = publish(draft_course(site_tree))
    lesson = live_lesson(course)
    assert client.get(EN_URL + "lesson-one/").status_code == 200

    expire_at = timezone.now() + timedelta(hours=1)
    publish(course, expire_at=expire_at)
    with time_machine.travel(expire_at + timedelta(minutes=1)):
        run_scheduler()
        assert client.get(EN_URL + "lesson-one/").status_code == 404
    assert not fresh(lesson).live
    assert fresh(lesson).expired


def test_translator_publishing_in_the_translation_editor_is_held(
    client, django_user_model, site_tree, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    course = draft_course(site_tree)
    go_live = in_days(4)
    schedule(course, go_live)
    # An editor starts the translation (wagtail-localize's "Translate this page").
    source, _created = TranslationSource.get_or_create_from_instance(fresh(course))
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="es")
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=False)
    spanish = translation.get_target_instance()
    assert not spanish.live

    translator = django_user_model.objects.create_user(
        email="traductora@mystic.test", password="x" * 12
    )
    translator.groups.add(Group.objects.get(name="Translators"))
    client.force_login(translator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/{spanish.pk}/edit/", {"action": "publish"}
        )
    assert response.status_code == 302
    # Where the translator lands: the waiting note, not wagtail-localize's "Published".
    landing = client.get(response["Location"])
    shown = [str(message) for message in landing.context["messages"]]
    assert [m for m in shown if m.startswith("Published and waiting")], shown
    published = [m for m in shown if m.startswith("Published &#x27;")]
    assert not published, shown

    spanish = fresh(spanish)
    assert not spanish.live
    assert spanish.go_live_at == go_live
    assert client.get(f"/es/cursos/{spanish.slug}/").status_code == 404
    with time_machine.travel(go_live + timedelta(minutes=1)):
        run_scheduler()
        assert client.get(f"/es/cursos/{spanish.slug}/").status_code == 200
