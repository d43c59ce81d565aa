"""Translators change the Spanish categories and instructors, never the English."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages

from tests.support.search_catalog import category

pytestmark = pytest.mark.django_db


@pytest.fixture
def meditation(site_tree):
    return category("Meditation", "meditation", "Meditación", "meditacion")


def member_of(django_user_model, group_name):
    user = django_user_model.objects.create_user(
        email=f"{group_name.lower()}@mystic.test", password="x" * 12
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def edit_url(snippet):
    return f"/admin/snippets/cms/category/edit/{snippet.pk}/"


def test_translator_is_sent_back_from_the_english_category(
    client, django_user_model, meditation
):
    english, _spanish = meditation
    client.force_login(member_of(django_user_model, "Translators"))

    response = client.get(edit_url(english))

    assert response.status_code == 302
    assert response["Location"] == "/admin/snippets/cms/category/"
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "not the English original" in message


def test_translators_post_to_the_english_category_changes_nothing(
    client, django_user_model, meditation
):
    english, _spanish = meditation
    client.force_login(member_of(django_user_model, "Translators"))

    response = client.post(
        edit_url(english), {"name": "Renamed", "slug": "renamed", "description": ""}
    )

    assert response.status_code == 302
    english.refresh_from_db()
    assert english.name == "Meditation"


def test_translator_opens_the_spanish_category_and_editor_the_english(
    client, django_user_model, meditation
):
    english, spanish = meditation
    client.force_login(member_of(django_user_model, "Translators"))
    assert client.get(edit_url(spanish)).status_code == 200

    client.force_login(member_of(django_user_model, "Editors"))
    assert client.get(edit_url(english)).status_code == 200


def test_translator_may_not_edit_an_english_instructor(
    client, django_user_model, site_tree
):
    from wagtail.models import Locale

    from cms.models import Instructor

    english = Instructor.objects.create(
        name="Ana", locale=Locale.objects.get(language_code="en")
    )
    client.force_login(member_of(django_user_model, "Translators"))

    response = client.get(f"/admin/snippets/cms/instructor/edit/{english.pk}/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/snippets/cms/instructor/"
