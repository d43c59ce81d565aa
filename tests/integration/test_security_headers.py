"""Every response carries security headers; CORS opens only /api/ to known origins."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def header_map(response):
    return {key.lower(): value for key, value in response.headers.items()}


@pytest.mark.parametrize("path", ["/en/", "/es/", "/api/health"])
def test_pages_and_api_carry_security_headers(client, site_tree, path):
    headers = header_map(client.get(path))
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    permissions = headers["permissions-policy"]
    for feature in ("geolocation=()", "microphone=()", "camera=()"):
        assert feature in permissions
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp


def test_storefront_scripts_never_allowed_inline(client, site_tree):
    csp = client.get("/en/")["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert script_src.strip().startswith("script-src 'self'")
    assert "unsafe-inline" not in script_src
    assert "unsafe-eval" not in script_src


def test_admin_keeps_working_under_its_own_policy(client, site_tree):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


@override_settings(CORS_ALLOWED_ORIGINS=["https://partner.example"])
def test_cors_allows_configured_origin_on_api_only(client, site_tree):
    allowed = client.get("/api/health", HTTP_ORIGIN="https://partner.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example"

    stranger = client.get("/api/health", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in stranger

    page = client.get("/en/", HTTP_ORIGIN="https://partner.example")
    assert "Access-Control-Allow-Origin" not in page
