"""Whoever opens a Spanish page held for its English source reads when it goes live."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages

from tests.support.publishing_pages import (
    draft_course,
    in_days,
    publish,
    schedule,
    spanish_translation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(client, django_user_model):
    user = django_user_model.objects.create_user(
        email="translator@mystic.test", password="x" * 12
    )
    user.groups.add(Group.objects.get(name="Translators"))
    client.force_login(user)
    return user


def notes_on_opening(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    return [message for message in messages if "waiting" in message]


def test_held_translation_says_it_goes_live_with_its_source_on_the_date(
    client, translator, site_tree, settings
):
    settings.TIME_ZONE = "UTC"
    course = draft_course(site_tree)
    spanish = spanish_translation(course)
    schedule(course, in_days(3).replace(year=2031, month=1, day=2, hour=9, minute=30))
    # Wagtail's own banner says only "scheduled"; ours names the source.
    publish(spanish)

    [note] = notes_on_opening(client, spanish)

    assert note.startswith("Published and waiting: this translation goes live")
    assert "Jan. 2, 2031, 9:30 a.m." in note


def test_held_translation_of_an_unscheduled_source_says_it_waits(
    client, translator, site_tree
):
    course = draft_course(site_tree)
    spanish = spanish_translation(course)
    publish(spanish)

    [note] = notes_on_opening(client, spanish)

    assert "has no publishing date yet" in note


def test_live_translation_has_no_waiting_note(client, translator, site_tree):
    course = publish(draft_course(site_tree))
    spanish = publish(spanish_translation(course))

    assert notes_on_opening(client, spanish) == []
    response = client.get(f"/admin/pages/{spanish.pk}/edit/")
    assert "Published and waiting" not in response.content.decode()
