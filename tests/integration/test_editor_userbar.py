"""Wagtail's user bar on storefront pages: for editors, at no cost to learners.

`{% editor_userbar %}` (accounts/admin_access.py) remembers per user whether they
may open the admin, so a learner's page view spends no permission queries on a
toolbar they never see, and an editor's access shows or goes at once when their
groups change.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.support.commerce import make_learner

pytestmark = pytest.mark.django_db

USERBAR = 'id="wagtail-userbar-template"'


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def page_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def permission_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        page_of(client, url)
    return [q["sql"] for q in queries.captured_queries if "auth_permission" in q["sql"]]


def test_a_learner_sees_no_user_bar_and_costs_no_permission_queries(shop_course):
    url = shop_course.en.url
    learner = signed_in(make_learner())
    assert USERBAR not in page_of(learner, url)

    assert permission_queries(learner, url) == []
    assert USERBAR not in page_of(learner, url)


def test_an_editor_sees_the_user_bar(shop_course):
    editor = make_learner("edith@example.com")
    editor.groups.add(Group.objects.get(name="Editors"))
    reader = signed_in(editor)
    assert USERBAR in page_of(reader, shop_course.en.url)
    assert USERBAR in page_of(reader, shop_course.en.url)


def test_joining_or_leaving_the_editors_shows_or_hides_it_at_once(shop_course):
    url = shop_course.en.url
    user = make_learner("mo@example.com")
    reader = signed_in(user)
    editors = Group.objects.get(name="Editors")
    assert USERBAR not in page_of(reader, url)  # remembered: not an editor

    user.groups.add(editors)
    assert USERBAR in page_of(reader, url)

    editors.user_set.remove(user)  # from the group's side
    assert USERBAR not in page_of(reader, url)

    editors.user_set.add(user)
    assert USERBAR in page_of(reader, url)
    editors.user_set.clear()
    assert USERBAR not in page_of(reader, url)


def test_a_group_losing_admin_access_hides_it_for_its_members(shop_course):
    url = shop_course.en.url
    user = make_learner("gil@example.com")
    group = Group.objects.create(name="Guest editors")
    access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    user.groups.add(group)
    reader = signed_in(user)
    assert USERBAR not in page_of(reader, url)

    group.permissions.add(access)
    assert USERBAR in page_of(reader, url)
    access.group_set.remove(group)  # from the permission's side
    assert USERBAR not in page_of(reader, url)


def test_a_direct_permission_or_superuser_flag_counts_too(shop_course):
    url = shop_course.en.url
    user = make_learner("sue@example.com")
    reader = signed_in(user)
    assert USERBAR not in page_of(reader, url)

    user.is_superuser = True
    user.save()
    assert USERBAR in page_of(reader, url)

    user.is_superuser = False
    user.save(update_fields=["is_superuser"])
    assert USERBAR not in page_of(reader, url)
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    assert USERBAR in page_of(reader, url)


def test_anonymous_visitors_never_get_it(shop_course):
    assert USERBAR not in page_of(Client(), shop_course.en.url)
