"""The page editor never saves behind the editor's back (no autosave traps)."""

import pytest
from django.contrib.auth.models import Group

from tests.support.publishing_pages import catalog, course_form, draft_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user(
        email="editor@mystic.test", password="x" * 12
    )
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_new_and_existing_course_forms_do_not_autosave(client, editor, site_tree):
    index = catalog(site_tree)
    course = draft_course(site_tree)

    for url in (
        f"/admin/pages/add/cms/coursepage/{index.pk}/",
        f"/admin/pages/{course.pk}/edit/",
    ):
        page = client.get(url).content.decode()
        assert "data-w-autosave-interval-value" not in page


def test_submitting_a_new_course_twice_never_fails(client, editor, site_tree):
    """What autosave used to do: the create form posted again for the same slug."""
    index = catalog(site_tree)
    course = draft_course(site_tree, title="Sound Bath", slug="sound-bath")
    url = f"/admin/pages/add/cms/coursepage/{index.pk}/"

    response = client.post(url, course_form(course, **{"action-submit": "1"}))

    assert response.status_code == 200
    assert "is already in use" in response.content.decode()
