"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd), keeping what it receives.

    with SMTPServer() as smtp:            # or the `smtp_server` fixture
        ...send mail to smtp.host:smtp.port...
        message = smtp.wait_for(to="ana@example.com")
        link = smtp.links(message)[0]

`mode` makes it misbehave like real servers do: "slow" (answers DATA after
`delay` seconds) or "down" (refuses every message with 451); `stop()` and
`start()` take it off the network and bring it back (connections refused).
"""

import email
import re
import socket
import threading
import time
from email import policy

from aiosmtpd.controller import Controller

LINK = re.compile(r"https?://[^\s\"'<>]+")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler:
    def __init__(self, server):
        self.server = server

    async def handle_DATA(self, smtp_server, session, envelope):
        import asyncio

        if self.server.mode == "down":
            return "451 4.3.0 Try again later"
        if self.server.mode == "slow":
            await asyncio.sleep(self.server.delay)
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.server.lock:
            self.server.messages.append(message)
        return "250 OK"


class SMTPServer:
    def __init__(self, mode="ok", delay=5.0, port=None):
        self.host = "127.0.0.1"
        self.port = port or _free_port()
        self.mode = mode
        self.delay = delay
        self.messages = []
        self.lock = threading.Lock()
        self.controller = Controller(_Handler(self), hostname=self.host, port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        if self.controller.loop.is_running():
            self.controller.stop()

    def stop(self):
        """The server goes away: connections are refused until `start()`."""
        self.controller.stop()

    def start(self):
        """The server comes back on the same port."""
        self.controller = Controller(_Handler(self), hostname=self.host, port=self.port)
        self.controller.start()

    def django_settings(self, timeout=2):
        """Settings for `override_settings` that send through this server."""
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": self.host,
            "EMAIL_PORT": self.port,
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_USE_TLS": False,
            "EMAIL_TIMEOUT": timeout,
        }

    def wait_for(self, to, subject_contains="", timeout=10):
        """The latest message to `to` (whose subject contains the text), or fail."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for message in reversed(self.messages):
                    if to.lower() in str(message["To"]).lower() and (
                        subject_contains in str(message["Subject"])
                    ):
                        return message
            time.sleep(0.05)
        raise AssertionError(f"no email to {to} ({subject_contains!r}) received")

    @staticmethod
    def text(message):
        return message.get_body(preferencelist=("plain",)).get_content()

    @staticmethod
    def html(message):
        part = message.get_body(preferencelist=("html",))
        return part.get_content() if part else ""

    @classmethod
    def links(cls, message):
        return LINK.findall(cls.text(message))
