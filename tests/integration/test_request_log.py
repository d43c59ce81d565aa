"""Operators get one JSON line per request, matching the id the visitor saw."""

import json
import logging

import pytest

from operations.request_log import JsonLineFormatter

pytestmark = pytest.mark.django_db


class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.setFormatter(JsonLineFormatter())
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def request_lines():
    handler = ListHandler()
    logger = logging.getLogger("mystic.requests")
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


def test_each_request_logs_one_json_line_with_its_id(
    client, site_tree, django_user_model, request_lines
):
    user = django_user_model.objects.create_user(email="ana@example.com", password="x")
    client.force_login(user)
    response = client.get("/es/")

    entries = [json.loads(line) for line in request_lines]
    assert len(entries) == 1
    entry = entries[0]
    assert entry["request_id"] == response["X-Request-ID"]
    assert entry["status"] == 200
    assert entry["path"] == "/es/"
    assert entry["user_id"] == user.pk
    assert entry["duration_ms"] >= 0


def test_proxy_request_id_is_kept_and_junk_is_replaced(client, request_lines):
    kept = client.get("/api/health", HTTP_X_REQUEST_ID="edge-1234abcd")
    assert kept["X-Request-ID"] == "edge-1234abcd"
    junk = client.get("/api/health", HTTP_X_REQUEST_ID="<script>")
    assert junk["X-Request-ID"] != "<script>"
    assert len(junk["X-Request-ID"]) == 32
