"""What editors notice on the admin dashboard and in moderation emails."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail

from learning.models import Review
from tests.support.commerce import make_learner
from tests.support.publishing_pages import course_form, draft_course

pytestmark = pytest.mark.django_db


def member(group, email):
    user = make_learner(email=email)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_moderators_see_reviews_waiting_and_the_site_name(client, shop_course):
    author = make_learner(email="writer@example.com")
    Review.objects.create(
        user=author, product=shop_course.product, language="en", rating=4, text="Ok"
    )
    client.force_login(member("Moderators", "mod@example.com"))
    page = client.get("/admin/").content.decode()
    assert "Course reviews waiting for moderation" in page
    assert "1 review waits for a decision." in page
    assert "Mystic Courses" in page
    assert ">localhost<" not in page


def test_editors_do_not_get_the_reviews_panel(client, shop_course):
    client.force_login(member("Editors", "ed@example.com"))
    assert "waiting for moderation" not in client.get("/admin/").content.decode()


def test_moderation_email_links_to_the_sites_own_address(client, site_tree):
    member("Moderators", "mod@example.com")
    course = draft_course(site_tree)
    client.force_login(member("Editors", "ed@example.com"))
    mail.outbox.clear()
    client.post(
        f"/admin/pages/{course.pk}/edit/",
        course_form(course, **{"action-submit": "1"}),
    )
    to_moderator = [m for m in mail.outbox if "mod@example.com" in m.to]
    assert to_moderator, "the moderator was not told"
    body = to_moderator[0].body
    assert f"{settings.SITE_URL}/admin/pages/{course.pk}/" in body
    assert "http://localhost/" not in body
