"""Events and digital products are read and shared by Marketing like courses:
the editor opens read-only, the preview has "as an anonymous visitor", a share
link shows the draft, and a response for a share token is never cached."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.support.downloads import build_download
from tests.support.events import build_event
from tests.support.publishing_pages import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def marketing(client, django_user_model):
    user = django_user_model.objects.create_user(
        email="mara@mystic.test", password="x" * 12, name="Mara"
    )
    user.groups.add(Group.objects.get(name="Marketing"))
    client.force_login(user)
    return user


@pytest.fixture
def pages(site_tree, private_s3):
    event, download = build_event(site_tree), build_download(site_tree)
    drafts = []
    for page in (event.en, download.en):
        page = Page.objects.get(pk=page.pk).specific
        page.summary = f"Draft words for {page.title}."
        page.save_revision()
        drafts.append(page)
    return [event.en.get_parent(), download.en.get_parent(), *drafts]


def test_marketing_reads_events_and_downloads_read_only(client, marketing, pages):
    for page in pages:
        assert not page.permissions_for_user(marketing).can_edit()
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200
        assert "Read-only." in response.content.decode()
        posted = client.post(
            f"/admin/pages/{page.pk}/edit/",
            {"title": "Changed by marketing", "action-publish": "1"},
        )
        assert posted.status_code in (302, 403)
        assert Page.objects.get(pk=page.pk).title != "Changed by marketing"


def test_the_preview_shows_an_event_draft_as_an_anonymous_visitor(
    client, marketing, pages
):
    event = pages[2]
    assert [name for name, _label in event.preview_modes] == ["", "anonymous"]
    preview = f"/admin/pages/{event.pk}/edit/preview/"
    form = {
        "title": event.title,
        "slug": event.slug,
        "summary": "Draft words for Silent Retreat.",
        "body": rich_text(""),
        "starts_at": event.starts_at.strftime("%Y-%m-%d %H:%M"),
        "ends_at": event.ends_at.strftime("%Y-%m-%d %H:%M"),
        "time_zone": event.time_zone,
        "mode": event.mode,
        "venue": event.venue,
        "capacity": str(event.capacity),
        "refund_days_before": "7",
        "event_instructors": inline_formset([]),
    }
    assert client.post(preview, nested_form_data(form)).json()["is_valid"]
    for mode, signed_in in (("", True), ("anonymous", False)):
        html = client.get(f"{preview}?mode={mode}").content.decode()
        assert "Draft words for Silent Retreat." in html
        assert ("Sign out" in html) is signed_in
        assert ("Sign in" in html) is not signed_in


def test_a_digital_product_with_its_private_file_opens_in_the_editor(
    client, django_user_model, pages
):
    client.force_login(
        django_user_model.objects.create_superuser(
            email="boss@mystic.test", password="x" * 12
        )
    )
    html = client.get(f"/admin/pages/{pages[3].pk}/edit/").content.decode()
    assert "Currently: downloads/evening-meditation" in html


def test_a_shared_event_or_download_draft_opens_by_link_never_cached(
    client, marketing, pages
):
    for page in pages[2:]:
        response = client.post(f"/admin/share-links/pages/{page.pk}/")
        match = re.search(
            r'value="http://testserver(/en/share/[^"/]+/)"', response.content.decode()
        )
        client.logout()
        shared = client.get(match.group(1))
        assert shared.status_code == 200
        assert f"Draft words for {page.title}." in shared.content.decode()
        assert shared["Cache-Control"] == "private, no-store"
        live = client.get(f"{page.url}?share=anything")
        assert (
            "no-store" in live["Cache-Control"] and "private" in live["Cache-Control"]
        )
        client.force_login(marketing)
    publish(pages[2])
