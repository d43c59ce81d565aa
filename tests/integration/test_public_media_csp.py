"""Public media on the object store behind its own domain (`S3_PUBLIC_DOMAIN`):
a course's cover comes from that host, so the page's Content-Security-Policy
names it for images and audio/video; on the local disk the policy is as set.
The store is a real S3-compatible server (moto), the cover a real upload."""

import re
import uuid

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from mystic.settings.files import s3_storages
from tests.support.commerce import build_course, publish
from tests.support.s3 import ACCESS_KEY, REGION, SECRET_KEY

pytestmark = pytest.mark.django_db

CDN = "cdn.mystic.test"


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:]
        for part in (piece.strip() for piece in policy.split(";"))
        if part
    }


def course_with_cover(site_tree):
    from django.core.cache import cache

    cache.clear()
    course = build_course(site_tree, title="Candle Gazing")
    course.en.cover_image = get_image_model().objects.create(
        title="cover", file=get_test_image_file()
    )
    course.en.cover_image_alt = "A candle"
    publish(course.en)
    return course.en


@pytest.fixture
def public_media_on_cdn(s3_server, settings):
    bucket = f"mystic-{uuid.uuid4().hex[:12]}"
    s3_server.client().create_bucket(Bucket=bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_storages(
            bucket=bucket,
            endpoint_url=s3_server.endpoint_url,
            region=REGION,
            access_key=ACCESS_KEY,
            secret_key=SECRET_KEY,
            public_domain=CDN,
        ),
    }
    return bucket


def test_a_cover_served_from_the_public_domain_is_allowed_by_the_csp(
    client, site_tree, public_media_on_cdn
):
    course = course_with_cover(site_tree)
    response = client.get(course.url)
    assert response.status_code == 200
    covers = re.findall(r'src="(https://[^"/]+)/media/', response.content.decode())
    assert covers and set(covers) == {f"https://{CDN}"}
    policy = directives(response)
    assert policy["img-src"] == ["'self'", "data:", f"https://{CDN}"]
    assert policy["media-src"] == ["'self'", f"https://{CDN}"]
    assert policy["script-src"][0] == "'self'"  # the rest stays as it was
    assert policy["default-src"] == ["'self'"]


def test_on_the_local_disk_the_policy_is_unchanged(client, site_tree):
    course = course_with_cover(site_tree)
    response = client.get(course.url)
    assert 'src="/media/images/' in response.content.decode()
    policy = directives(response)
    assert policy["img-src"] == ["'self'", "data:"]
    assert "media-src" not in policy


def test_the_carts_and_the_admins_own_policies_name_the_domain_once(
    client, site_tree, public_media_on_cdn, admin_user
):
    cart = directives(client.get("/en/cart/"))
    assert cart["img-src"].count(f"https://{CDN}") == 1
    assert len(cart["form-action"]) == 2  # 'self' and the Checkout host, as before
    client.force_login(admin_user)
    admin = directives(client.get("/admin/"))
    assert "'unsafe-inline'" in admin["style-src"]  # still the admin's policy
    assert admin["img-src"].count(f"https://{CDN}") == 1
