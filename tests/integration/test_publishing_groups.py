"""Who may do what: the groups the data migration creates, seen from the admin."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, WorkflowPage, WorkflowState

from tests.support.publishing_pages import course_form, draft_course, fresh

pytestmark = pytest.mark.django_db


def member_of(django_user_model, group_name, email=None):
    user = django_user_model.objects.create_user(
        email=email or f"{group_name.lower()}@mystic.test", password="x" * 12
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_migration_creates_the_four_editorial_groups(site_tree):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators", "Translators", "Marketing"} <= names
    # Marketing's one page permission lists the tree; it cannot lock with it.
    assert set(
        GroupPagePermission.objects.filter(group__name="Marketing").values_list(
            "page__depth", "permission__codename"
        )
    ) == {(1, "lock_page")}
    assert not GroupPagePermission.objects.filter(
        group__name__in=["Editors", "Translators", "Marketing"],
        permission__codename="publish_page",
        page__locale__language_code="en",
    ).exists()


def test_both_home_pages_need_editor_review(site_tree):
    reviewed = WorkflowPage.objects.filter(workflow__name="Editor review")
    assert {wp.page.locale.language_code for wp in reviewed} == {"en", "es"}
    course = draft_course(site_tree)
    assert fresh(course).get_workflow().name == "Editor review"


def client_sees_read_only_editor(user, page):
    from django.test import Client

    client = Client()
    client.force_login(user)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    return response.status_code == 200 and "Read-only" in response.content.decode()


def test_marketing_can_neither_edit_nor_publish(client, django_user_model, site_tree):
    course = draft_course(site_tree)
    marketing = member_of(django_user_model, "Marketing")
    permissions = course.permissions_for_user(marketing)
    assert not permissions.can_publish()
    assert not permissions.can_delete()
    assert not permissions.can_lock()
    assert not permissions.can_copy()
    # Outside a reading request Marketing edits nothing; in one, the editor
    # opens read-only (cms.publishing.read_only).
    assert not permissions.can_edit()
    assert permissions.page_locked()
    assert client_sees_read_only_editor(marketing, course)

    client.force_login(marketing)
    response = client.post(
        f"/admin/pages/{course.pk}/edit/",
        course_form(course, title="Published by marketing", **{"action-publish": "1"}),
    )
    assert response.status_code in (302, 403)  # a POST never edits for Marketing
    course = fresh(course)
    assert not course.live
    assert course.title != "Published by marketing"
    response = client.post(f"/admin/pages/{course.pk}/unpublish/")
    assert not fresh(course).live


def test_editors_publish_goes_to_moderation(client, django_user_model, site_tree):
    course = draft_course(site_tree)
    editor = member_of(django_user_model, "Editors")
    client.force_login(editor)

    response = client.post(
        f"/admin/pages/{course.pk}/edit/",
        course_form(course, **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    assert not fresh(course).live

    response = client.post(
        f"/admin/pages/{course.pk}/edit/",
        course_form(course, **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    course = fresh(course)
    assert not course.live
    state = WorkflowState.objects.for_instance(course).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Moderators approve"


def test_moderators_approve_and_publish(client, django_user_model, site_tree):
    course = draft_course(site_tree)
    editor = member_of(django_user_model, "Editors")
    moderator = member_of(django_user_model, "Moderators")
    client.force_login(editor)
    client.post(
        f"/admin/pages/{course.pk}/edit/",
        course_form(course, **{"action-submit": "1"}),
    )
    state = WorkflowState.objects.for_instance(fresh(course)).get()

    client.force_login(moderator)
    response = client.post(
        f"/admin/pages/workflow/action/{course.pk}/approve/"
        f"{state.current_task_state.pk}/",
        {"comment": "Looks good"},
    )
    assert response.status_code in (200, 302)
    assert fresh(course).live


def test_translators_cannot_create_source_pages(django_user_model, site_tree):
    translator = member_of(django_user_model, "Translators")
    english_home = Page.objects.get(pk=site_tree.pk)
    spanish_home = english_home.get_translation(
        english_home.locale.__class__.objects.get(language_code="es")
    )
    assert not english_home.permissions_for_user(translator).can_edit()
    assert not english_home.permissions_for_user(translator).can_add_subpage()
    assert not spanish_home.permissions_for_user(translator).can_add_subpage()
    assert spanish_home.permissions_for_user(translator).can_edit()
    assert spanish_home.permissions_for_user(translator).can_publish()


def test_group_migration_can_run_again_without_changing_anything(site_tree):
    import importlib

    from django.apps import apps
    from wagtail.models import Workflow

    migration = importlib.import_module(
        "cms.publishing.migrations.0002_editorial_groups_and_editor_review"
    )
    readers_and_shop = importlib.import_module(
        "cms.publishing.migrations.0004_marketing_reads_drafts_and_shop_staff"
    )

    def snapshot():
        return (
            sorted(
                GroupPagePermission.objects.values_list(
                    "group__name", "page_id", "permission__codename"
                )
            ),
            sorted(Group.objects.values_list("name", "permissions__codename")),
            Workflow.objects.filter(name="Editor review").count(),
            sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
        )

    before = snapshot()
    for _ in range(2):
        migration.create_groups_and_workflow(apps, None)
        readers_and_shop.grant(apps, None)
    assert snapshot() == before


def test_translators_may_translate_categories_and_instructors_but_not_add_them(
    django_user_model, site_tree
):
    translator = member_of(django_user_model, "Translators")
    editor = member_of(django_user_model, "Editors")
    assert translator.has_perm("cms.change_category")
    assert translator.has_perm("cms.change_instructor")
    assert not translator.has_perm("cms.add_category")
    assert editor.has_perm("cms.add_instructor")


def test_marketing_cannot_change_a_translation_in_the_translation_editor(
    client, django_user_model, site_tree
):
    from django.urls import reverse
    from wagtail.models import Locale
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    course = draft_course(site_tree)
    source, _created = TranslationSource.get_or_create_from_instance(course)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="es")
    )
    translation.save_target()
    segment = StringSegment.objects.filter(source=source).first()
    client.force_login(member_of(django_user_model, "Marketing"))

    response = client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            args=[translation.pk, segment.pk],
        ),
        "value=Cambiado+por+marketing",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (302, 403)
    assert not StringTranslation.objects.filter(data="Cambiado por marketing").exists()
