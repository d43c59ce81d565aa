"""Digital products: bought through the cart and Stripe, fetched by their buyer
through short-lived signed links from a real S3-compatible server (moto), each
fetch logged; everyone else, and every bad link, gets a clear page instead."""

import re
import time

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from accounts import personal_data
from commerce import refunds
from commerce.models import Order
from downloads import links
from downloads.models import DownloadGrant, DownloadLog
from operations.private_storage import NoPublicURL, private_storage
from tests.fakes.stripe_server import signed_post
from tests.support.commerce import WEBHOOK_SECRET, make_learner
from tests.support.downloads import build_download

pytestmark = pytest.mark.django_db


@pytest.fixture
def download(site_tree, private_s3):
    return build_download(site_tree, limit=2)


def deliver(client, event):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return signed_post(client, event, WEBHOOK_SECRET)


def buy(client, learner, download, stripe_standin, language="en"):
    """Cart → checkout → Stripe pays → the webhook: the paid order."""
    client.force_login(learner)
    with translation.override(language):
        cart_add, checkout = reverse("commerce:cart_add"), reverse("commerce:checkout")
    client.post(cart_add, {"product": download.product.pk})
    client.post(checkout)
    order = Order.objects.get(user=learner)
    event = stripe_standin.pay(order.stripe_session_id, deliver=False)
    assert deliver(client, event).json()["outcome"] == "fulfilled"
    order.refresh_from_db()
    return order


def my_download_link(client, language="en"):
    path = "/es/mis-descargas/" if language == "es" else "/en/my/downloads/"
    page = client.get(path)
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    match = re.search(r'href="(/[a-z]{2}/[^"]+/)" download', page.content.decode())
    return match.group(1) if match else None


def test_the_file_lives_in_the_private_bucket_with_no_public_url(
    download, private_s3, s3_server
):
    keys = [
        item["Key"]
        for item in s3_server.client().list_objects_v2(Bucket=private_s3)["Contents"]
    ]
    assert keys == [f"private/{download.en.file.name}"]
    with pytest.raises(NoPublicURL):
        private_storage().url(download.en.file.name)
    assert download.en.file_size == len(download.content)


def test_the_product_page_shows_kind_size_price_in_each_language(client, download):
    english = client.get("/en/downloads/evening-meditation/").content.decode()
    assert "Audio" in english and "$9.00" in english and "293.0\xa0KB" in english
    assert download.en.file.name not in english
    spanish = client.get("/es/descargas/meditacion-de-la-tarde/")
    assert spanish.status_code == 200
    assert "Meditación de la tarde" in spanish.content.decode()
    assert client.get("/en/downloads/").status_code == 200


def test_buyer_downloads_from_my_downloads_and_each_fetch_is_logged(
    client, download, stripe_standin
):
    learner = make_learner()
    order = buy(client, learner, download, stripe_standin)
    assert DownloadGrant.objects.get().order == order
    response = client.get(my_download_link(client), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == download.content
    log = DownloadLog.objects.get()
    assert (log.user, log.file_name, log.ip_address) == (
        learner,
        download.en.file.name,
        "203.0.113.9",
    )


def test_the_receipt_email_carries_a_working_link(client, download, stripe_standin):
    learner = make_learner()
    buy(client, learner, download, stripe_standin)
    receipt = next(m for m in mail.outbox if "is confirmed" in m.subject)
    url = re.search(r"http://[^/]+(/en/download/[^/\s]+/)", receipt.body).group(1)
    assert "Evening Meditation" in receipt.body
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == download.content


def test_the_limit_is_per_purchase_then_a_clear_410(client, download, stripe_standin):
    buy(client, make_learner(), download, stripe_standin)
    for _ in range(2):
        response = client.get(my_download_link(client))
        assert response.status_code == 200
        b"".join(response.streaming_content)
    assert my_download_link(client) is None  # no button: used up
    stale = links.make_url(DownloadGrant.objects.get(), download.en)
    refused = client.get(stale)
    assert refused.status_code == 410
    assert "You have used every download" in refused.content.decode()
    assert DownloadLog.objects.count() == 2


def test_a_range_request_resumes_without_counting_again(
    client, download, stripe_standin
):
    buy(client, make_learner(), download, stripe_standin)
    url = my_download_link(client)
    b"".join(client.get(url).streaming_content)
    part = client.get(url, HTTP_RANGE="bytes=1000-1999")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 1000-1999/{len(download.content)}"
    assert b"".join(part.streaming_content) == download.content[1000:2000]
    assert DownloadLog.objects.count() == 1


@pytest.mark.parametrize("language", ["en", "es"])
def test_anonymous_forged_expired_and_strangers_are_refused_in_their_language(
    client, download, stripe_standin, settings, language
):
    buy(client, make_learner(), download, stripe_standin)
    grant = DownloadGrant.objects.get()
    page = download.en if language == "en" else download.es
    with translation.override(language):
        good = links.make_url(grant, page)
        expired = links.make_url(grant, page, seconds=-1)
    token = good.rstrip("/").rsplit("/", 1)[1]
    forged = good.replace(token, token[:-3] + ("aaa" if token[-3:] != "aaa" else "bbb"))
    client.logout()
    anonymous = client.get(good)
    assert anonymous.status_code == 403
    client.force_login(make_learner("stranger@example.com"))
    assert client.get(good).status_code == 403
    client.force_login(grant.user)
    answers = {"forged": client.get(forged), "expired": client.get(expired)}
    assert answers["forged"].status_code == 403
    assert answers["expired"].status_code == 410
    expected = {
        "en": ("Sign in with the account", "not valid", "has expired"),
        "es": ("Inicia sesión con la cuenta", "no es válido", "ha caducado"),
    }[language]
    texts = [
        anonymous.content.decode(),
        answers["forged"].content.decode(),
        answers["expired"].content.decode(),
    ]
    for text, phrase in zip(texts, expected, strict=True):
        assert phrase in text
        assert download.content[:64] not in text.encode()
    assert DownloadLog.objects.count() == 0


def test_a_tampered_payload_or_garbage_token_is_403_never_500(client, download):
    client.force_login(make_learner())
    for token in ["x", "a" * 300, "eyJnIjoxfQ:1:2", "..:::.."]:
        assert client.get(f"/en/download/{token}/").status_code == 403


def test_a_full_refund_revokes_the_download(client, download, stripe_standin):
    learner = make_learner()
    order = buy(client, learner, download, stripe_standin)
    url = my_download_link(client)
    stripe_standin.auto_refund_events = False
    staff = make_learner("staff@example.com")
    refund = refunds.request_refund(order, order.total_minor, staff)
    refund.refresh_from_db()
    deliver(client, stripe_standin.settle_refund(refund.stripe_refund_id, False))
    assert DownloadGrant.objects.active().count() == 0
    response = client.get(url)
    assert response.status_code == 410
    assert "refunded" in response.content.decode()
    assert my_download_link(client) is None


def test_links_expire_after_their_lifetime(client, download, stripe_standin):
    buy(client, make_learner(), download, stripe_standin)
    grant = DownloadGrant.objects.get()
    url = links.make_url(grant, download.en, seconds=1)
    time.sleep(1.1)
    assert client.get(url).status_code == 410


def test_my_data_exports_my_downloads_and_erasure_forgets_me_in_the_log(
    client, download, stripe_standin
):
    learner = make_learner()
    buy(client, learner, download, stripe_standin)
    b"".join(
        client.get(
            my_download_link(client), REMOTE_ADDR="198.51.100.7"
        ).streaming_content
    )
    exported = personal_data.export_personal_data(learner)["downloads"]
    assert exported["downloads"][0]["product"] == "Evening Meditation"
    assert exported["download_log"][0]["ip_address"] == "198.51.100.7"
    for section in personal_data.sections():
        if section.eraser is not None:
            section.eraser(learner)
    log = DownloadLog.objects.get()
    assert (log.user, log.ip_address) == (None, None)
    assert DownloadGrant.objects.active().count() == 0


def test_order_pages_and_the_staff_order_screen_show_a_download_order(
    client, download, stripe_standin, django_user_model
):
    order = buy(client, make_learner(), download, stripe_standin)
    for path in ("/en/my/orders/", f"/en/my/orders/{order.number}/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "Evening Meditation" in response.content.decode()
    staff = django_user_model.objects.create_superuser(
        email="boss@example.com", password="x" * 12
    )
    client.force_login(staff)
    inspect = client.get(f"/admin/commerce/orders/inspect/{order.pk}/")
    assert inspect.status_code == 200
    log = client.get("/admin/downloads/log/")
    assert log.status_code == 200


def test_a_free_download_is_granted_at_checkout_without_stripe(
    client, site_tree, private_s3
):
    free = build_download(
        site_tree, title="Free Chant", title_es="Canto libre", usd=0, eur=0
    )
    learner = make_learner()
    client.force_login(learner)
    client.post("/en/cart/add/", {"product": free.product.pk})
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/en/checkout/")
    assert Order.objects.get().status == Order.PAID
    response = client.get(my_download_link(client))
    assert b"".join(response.streaming_content) == free.content
