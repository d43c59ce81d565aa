"""Share a draft: one page's latest draft, by link, until it expires or is revoked."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from cms.publishing.models import DraftShareLink, hash_token
from cms.publishing.sharing import create_share_link
from tests.support.publishing_pages import (
    draft_course,
    fresh,
    publish,
    spanish_translation,
)

pytestmark = pytest.mark.django_db

BANNER = "Draft preview — not published"


def member_of(django_user_model, group_name):
    user = django_user_model.objects.create_user(
        email=f"{group_name.lower()}@mystic.test", password="x" * 12
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def share_url_from(response):
    match = re.search(
        r'value="(http://testserver/en/share/[^"/]+/)"', response.content.decode()
    )
    assert match, "the new share link is shown once"
    return match.group(1).replace("http://testserver", "")


def paid_lesson(course, body_text="The secret breathing technique"):
    from cms.models import LessonPage

    lesson = course.add_child(
        instance=LessonPage(
            title="Lesson one",
            slug="lesson-one",
            body=[("rich_text", f"<p>{body_text}</p>")],
            is_free_preview=False,
            live=False,
        )
    )
    lesson.save_revision()
    return lesson


def test_marketing_shares_a_draft_that_anyone_with_the_link_can_read(
    client, django_user_model, site_tree
):
    course = draft_course(site_tree)
    client.force_login(member_of(django_user_model, "Marketing"))
    response = client.post(f"/admin/share-links/pages/{course.pk}/")
    assert response.status_code == 200
    url = share_url_from(response)
    client.logout()

    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Breathing Basics" in html
    assert BANNER in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "private, no-store"
    # The normal URL still knows nothing of the draft.
    assert client.get("/en/courses/breathing-basics/").status_code == 404


def test_share_link_shows_the_latest_draft_not_the_live_page(client, site_tree):
    course = publish(draft_course(site_tree))
    page = fresh(course)
    page.title = "Breathing Basics, second edition"
    page.save_revision()
    _link, token = create_share_link(course, user=None)

    shared = client.get(f"/en/share/{token}/").content.decode()
    live = client.get("/en/courses/breathing-basics/").content.decode()
    assert "second edition" in shared
    assert "second edition" not in live


def test_only_a_hash_of_the_token_is_stored(site_tree):
    course = draft_course(site_tree)
    link, token = create_share_link(course, user=None)
    stored = DraftShareLink.objects.filter(pk=link.pk).values().get()
    assert token not in str(stored)
    assert stored["token_hash"] == hash_token(token)
    assert len(token) >= 43


def test_share_link_stops_working_after_seven_days(client, site_tree):
    _link, token = create_share_link(draft_course(site_tree), user=None)
    with time_machine.travel(timezone.now() + timedelta(days=6, hours=23)):
        assert client.get(f"/en/share/{token}/").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        response = client.get(f"/en/share/{token}/")
    assert response.status_code == 410
    assert BANNER not in response.content.decode()
    assert "no longer works" in response.content.decode()


def test_revoked_share_link_stops_working(client, django_user_model, site_tree):
    course = draft_course(site_tree)
    editor = member_of(django_user_model, "Editors")
    link, token = create_share_link(course, user=editor)
    assert client.get(f"/en/share/{token}/").status_code == 200

    client.force_login(editor)
    response = client.post(f"/admin/share-links/{link.pk}/revoke/")
    assert response.status_code == 302
    listing = client.get(f"/admin/share-links/pages/{course.pk}/").content.decode()
    assert "Revoked" in listing
    client.logout()

    assert client.get(f"/en/share/{token}/").status_code == 410


def test_unknown_or_malformed_tokens_are_not_found(client, site_tree):
    create_share_link(draft_course(site_tree), user=None)
    assert client.get("/en/share/" + "a" * 43 + "/").status_code == 404
    assert client.get("/en/share/short/").status_code == 404
    assert client.post("/en/share/" + "a" * 43 + "/").status_code == 405


def test_share_link_grants_nothing_else(client, site_tree):
    course = draft_course(site_tree)
    other = draft_course(site_tree, title="Other Draft", slug="other-draft")
    lesson = paid_lesson(course)
    _link, token = create_share_link(course, user=None)

    shared = client.get(f"/en/share/{token}/")
    assert shared.status_code == 200
    assert "The secret breathing technique" not in shared.content.decode()
    # No other page, no lesson, no admin: the visitor is still anonymous.
    assert client.get("/en/courses/other-draft/").status_code == 404
    assert client.get("/en/courses/breathing-basics/lesson-one/").status_code == 404
    admin = client.get("/admin/")
    assert admin.status_code == 302
    assert "/login/" in admin["Location"]
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code == 302
    assert lesson.pk


def test_a_shared_paid_lesson_shows_that_lesson_only(client, site_tree):
    course = draft_course(site_tree)
    lesson = paid_lesson(course)
    _link, token = create_share_link(lesson, user=None)

    response = client.get(f"/en/share/{token}/")
    assert response.status_code == 200
    assert "The secret breathing technique" in response.content.decode()


def test_spanish_draft_is_shown_in_spanish(client, site_tree):
    course = draft_course(site_tree)
    spanish = spanish_translation(course)
    _link, token = create_share_link(Page.objects.get(pk=spanish.pk), user=None)

    response = client.get(f"/es/share/{token}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert "Respiración básica" in html
    assert "Vista previa del borrador — sin publicar" in html


def test_people_outside_marketing_and_editors_cannot_create_links(
    client, django_user_model, site_tree
):
    course = draft_course(site_tree)
    translator = member_of(django_user_model, "Translators")
    client.force_login(translator)
    response = client.post(f"/admin/share-links/pages/{course.pk}/")
    assert response.status_code in (302, 403)
    assert not DraftShareLink.objects.exists()


def test_share_button_appears_on_the_page_in_the_admin(
    client, django_user_model, site_tree
):
    course = draft_course(site_tree)
    client.force_login(member_of(django_user_model, "Editors"))
    response = client.get(f"/admin/pages/{course.pk}/edit/")
    assert f"/admin/share-links/pages/{course.pk}/" in response.content.decode()
    listing = client.get(f"/admin/pages/{course.get_parent().pk}/")
    assert f"/admin/share-links/pages/{course.pk}/" in listing.content.decode()


def test_marketing_finds_pages_to_share_from_the_admin_menu(
    client, django_user_model, site_tree
):
    draft_course(site_tree)
    client.force_login(member_of(django_user_model, "Marketing"))
    assert client.get("/admin/").status_code == 200
    response = client.get("/admin/share-links/?q=breathing")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Breathing Basics" in html
    assert "/admin/share-links/pages/" in html


def test_expiry_is_shown_in_the_site_time_zone(client, django_user_model, site_tree):
    course = draft_course(site_tree)
    editor = member_of(django_user_model, "Editors")
    # 10:00 UTC on 1 June is 12:00 in Madrid (summer time); expiry 7 days later.
    with time_machine.travel(datetime(2027, 6, 1, 10, 0, tzinfo=UTC), tick=False):
        create_share_link(course, user=editor)
        client.force_login(editor)
        html = client.get(f"/admin/share-links/pages/{course.pk}/").content.decode()
    assert "June 8, 2027, noon" in html
