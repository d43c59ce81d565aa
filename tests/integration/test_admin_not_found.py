"""A missing admin address is the admin's 404, not a bounce to /en/admin/…;
storefront addresses without a language still find theirs."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_missing_admin_page_is_a_404_where_it_was_asked(client, superuser, site_tree):
    client.force_login(superuser)
    response = client.get("/admin/pages/999999/")
    assert response.status_code == 404
    assert "Location" not in response


def test_a_refused_admin_post_is_not_bounced_to_the_storefront(client, site_tree):
    response = client.post("/admin/no-such-thing/")
    assert response.status_code in (302, 404)
    assert not response.get("Location", "").startswith("/en/")


def test_a_storefront_path_without_language_still_finds_it(client, site_tree):
    response = client.get("/courses/")
    assert response.status_code == 302 and response["Location"] == "/en/courses/"
