"""A course goes live only with a price (or an explicit 0) in each language's
currency; the editor is told what is missing and keeps what they typed."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from tests.support.publishing_pages import (
    course_form,
    draft_course,
    fresh,
    set_prices,
    spanish_translation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        email="moderator@mystic.test", password="x" * 12
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def publish_as(client, user, course, **changes):
    client.force_login(user)
    form = course_form(course, **{"action-publish": "1", **changes})
    return client.post(f"/admin/pages/{course.pk}/edit/", form)


def test_publishing_a_course_without_prices_shows_what_is_missing(
    client, moderator, site_tree
):
    course = draft_course(site_tree, priced=False)

    response = publish_as(client, moderator, course, subtitle="Kept while refused")

    assert response.status_code == 200
    page = response.content.decode()
    assert "“Breathing Basics” has no price in USD" in page
    assert "Shop → Prices" in page
    assert "Kept while refused" in page
    assert not fresh(course).live


def test_every_language_of_the_course_needs_its_currency(client, moderator, site_tree):
    course = draft_course(site_tree, priced=False)
    spanish_translation(course)
    set_prices(course, USD=4900)

    response = publish_as(client, moderator, course)

    assert "“Breathing Basics” has no price in EUR." in response.content.decode()
    assert not fresh(course).live


def test_a_zero_price_is_the_explicit_choice_of_a_free_course(
    client, moderator, site_tree
):
    course = draft_course(site_tree, priced=False)
    set_prices(course, USD=0)

    response = publish_as(client, moderator, course)

    assert response.status_code == 302
    assert fresh(course).live


def test_an_editor_cannot_submit_an_unpriced_course_for_review(
    client, django_user_model, site_tree
):
    course = draft_course(site_tree, priced=False)
    editor = django_user_model.objects.create_user(
        email="editor@mystic.test", password="x" * 12
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.post(
        f"/admin/pages/{course.pk}/edit/",
        course_form(course, **{"action-submit": "1"}),
    )

    assert "“Breathing Basics” has no price in USD" in response.content.decode()
    assert not WorkflowState.objects.for_instance(fresh(course)).exists()


def test_the_price_form_offers_only_the_shops_currencies(client, moderator):
    client.force_login(moderator)
    from django.contrib.auth.models import Permission

    moderator.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="commerce", codename__endswith="product"
        )
    )

    page = client.get("/admin/commerce/prices/new/").content.decode()

    assert '<option value="EUR">' in page and '<option value="USD">' in page
    assert '<option value="GBP">' not in page and '<option value="MXN">' not in page
