"""A fixture that fails a browser journey if the server answered 500 or worse.

Both ways a live server can fail are watched: an exception Django turned into a
500 (`got_request_exception`), and any response of 500+ the browser received
(attach pages with `watch(page)`).
"""

import pytest
from django.core.signals import got_request_exception


class ServerErrors:
    def __init__(self):
        self.errors = []

    def on_exception(self, sender, request=None, **kwargs):
        self.errors.append(f"exception on {getattr(request, 'path', '?')}")

    def watch(self, page):
        page.on(
            "response",
            lambda response: (
                response.status >= 500
                and self.errors.append(f"{response.status} {response.url}")
            ),
        )
        return page


@pytest.fixture
def no_server_errors():
    watcher = ServerErrors()
    got_request_exception.connect(watcher.on_exception, weak=False)
    try:
        yield watcher
    finally:
        got_request_exception.disconnect(watcher.on_exception)
    assert not watcher.errors, "server errors:\n" + "\n".join(watcher.errors)
