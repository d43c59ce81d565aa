"""An event, like a course and a digital product, goes live only with a price
(an explicit 0 for free) in each language's currency: the editor is told what is
missing under Shop → Prices, and keeps what they typed."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from commerce.models import Product
from downloads.models import DownloadPage
from events.models import EventIndexPage, EventPage
from tests.support.commerce import publish
from tests.support.downloads import audio_bytes, indexes
from tests.support.publishing_pages import set_prices

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        email="editor@example.com", password="x" * 12
    )
    client.force_login(user)
    return user


def event_index(home):
    index = home.add_child(instance=EventIndexPage(title="Events", slug="events"))
    publish(index)
    return index


def event_form(title="Spring Workshop", **overrides):
    starts = (timezone.now() + timedelta(days=20)).replace(second=0, microsecond=0)
    data = {
        "title": title,
        "slug": "spring-workshop",
        "summary": "A day of practice.",
        "body": rich_text("<p>Bring a mat.</p>"),
        "starts_at": starts.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (starts + timedelta(hours=5)).strftime("%Y-%m-%d %H:%M"),
        "time_zone": "Europe/Madrid",
        "booking_closes_at": "",
        "mode": "in_person",
        "venue": "Casa del Lago",
        "address": "Calle Mayor 1",
        "join_url": "",
        "capacity": "12",
        "refund_days_before": "7",
        "event_instructors": inline_formset([]),
        **overrides,
    }
    return nested_form_data(data)


def test_an_event_without_prices_cannot_go_live_until_it_has_them(
    client, editor, site_tree
):
    index = event_index(site_tree)
    add = f"/admin/pages/add/events/eventpage/{index.pk}/"

    refused = client.post(add, event_form(**{"action-publish": "1"}))
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "“Spring Workshop” has no price in USD." in html
    assert "Shop → Prices" in html and "A day of practice." in html
    assert not EventPage.objects.exists()

    assert client.post(add, event_form()).status_code == 302  # a draft is fine
    draft = EventPage.objects.get()
    product = Product.objects.get(translation_key=draft.translation_key)
    assert product.kind == "event"  # listed under Shop → Prices to be priced

    edit = f"/admin/pages/{draft.pk}/edit/"
    refused = client.post(edit, event_form(**{"action-publish": "1"}))
    assert "“Spring Workshop” has no price in USD." in refused.content.decode()
    assert not Page.objects.get(pk=draft.pk).live

    set_prices(draft, USD=0)  # free is an explicit 0
    assert client.post(edit, event_form(**{"action-publish": "1"})).status_code == 302
    assert Page.objects.get(pk=draft.pk).live


def test_a_price_list_made_by_choosing_an_event_page_sells_seats(site_tree):
    index = event_index(site_tree)
    page = index.add_child(
        instance=EventPage(
            title="Full Moon",
            slug="full-moon",
            summary="s",
            starts_at=timezone.now() + timedelta(days=3),
            ends_at=timezone.now() + timedelta(days=3, hours=2),
            venue="Casa",
            capacity=5,
        )
    )
    Product.objects.filter(translation_key=page.translation_key).delete()
    product = Product.objects.create(course_page=page)
    assert product.kind == "event"


def test_a_digital_product_without_prices_cannot_go_live_either(
    client, editor, site_tree, private_s3
):
    index = indexes(site_tree)
    form = {
        "title": "Morning Chant",
        "slug": "morning-chant",
        "summary": "A chant.",
        "description": rich_text("<p>Sing along.</p>"),
        "kind": "audio",
        "download_limit": "",
    }
    upload = SimpleUploadedFile("chant.mp3", audio_bytes(5_000), "audio/mpeg")
    add = f"/admin/pages/add/downloads/downloadpage/{index.pk}/"
    refused = client.post(
        add, nested_form_data({**form, "file": upload, "action-publish": "1"})
    )
    assert refused.status_code == 200
    assert "“Morning Chant” has no price in USD." in refused.content.decode()
    assert not DownloadPage.objects.exists()

    upload.seek(0)
    assert client.post(add, nested_form_data({**form, "file": upload})).status_code
    draft = DownloadPage.objects.get()
    set_prices(draft, USD=900)
    published = client.post(
        f"/admin/pages/{draft.pk}/edit/",
        nested_form_data({**form, "action-publish": "1"}),
    )
    assert published.status_code == 302, published.content.decode()[:500]
    assert Page.objects.get(pk=draft.pk).live
