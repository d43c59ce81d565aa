"""An unhandled error in a view reaches Sentry when SENTRY_DSN is set."""

import gzip
import http.server
import threading

import brotli
import pytest
import sentry_sdk

from operations.observability import init_sentry


class Receiver(http.server.BaseHTTPRequestHandler):
    """Collects the envelopes a Sentry SDK posts, as a Sentry server would."""

    received = []

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            body = brotli.decompress(body)
        self.received.append((self.path, body))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_receiver():
    Receiver.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    sentry_sdk.get_client().close()
    sentry_sdk.init(dsn=None)


@pytest.mark.urls("tests.support.crash_urls")
def test_unhandled_view_error_arrives_at_sentry(client, sentry_receiver):
    port = sentry_receiver.server_address[1]
    init_sentry(
        dsn=f"http://publickey@127.0.0.1:{port}/42",
        environment="test",
        release="test-release",
    )
    client.raise_request_exception = False
    client.cookies["sessionid"] = "learner-session-secret"
    response = client.get("/explode/")
    assert response.status_code == 500
    sentry_sdk.flush(timeout=5)

    assert Receiver.received, "no event reached the Sentry receiver"
    path, body = Receiver.received[0]
    assert path == "/api/42/envelope/"
    assert b"boom: unhandled error for the Sentry test" in body
    assert b'"environment":"test"' in body.replace(b" ", b"")
    assert b"learner-session-secret" not in body
