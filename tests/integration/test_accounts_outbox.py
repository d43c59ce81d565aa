"""The outbox every app uses: `accounts.mail.queue_email`."""

import time

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from accounts.mail import queue_email
from accounts.models import OutgoingEmail
from tests.support.tasks import run_worker

pytestmark = pytest.mark.django_db


def test_queued_email_is_sent_by_the_worker_with_text_and_branded_html(
    database_tasks,
):
    queued = queue_email(
        ["ana@example.com"],
        "account/email/password_changed",
        {"timestamp": "now", "ip": "10.0.0.1", "user_agent": "test"},
        language="es",
    )
    assert mail.outbox == []  # nothing leaves before the worker runs
    run_worker()
    message = mail.outbox[-1]
    assert message.to == ["ana@example.com"]
    assert message.subject.startswith("[Mystic Courses] ")
    assert "contraseña" in message.body.lower()
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Mystic Courses" in html and 'lang="es"' in html
    queued.refresh_from_db()
    assert queued.status == OutgoingEmail.Status.SENT


def test_sent_emails_keep_no_body_and_are_forgotten_after_30_days(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        queued = queue_email(
            "ana@example.com",
            "account/email/password_changed",
            {"timestamp": "now", "ip": "10.0.0.1", "user_agent": "test"},
        )
    queued.refresh_from_db()
    assert queued.body_text == "" and queued.body_html == ""
    with time_machine.travel(time.time() + 29 * 86400):
        call_command("send_queued_email")
    assert OutgoingEmail.objects.filter(pk=queued.pk).exists()
    with time_machine.travel(time.time() + 31 * 86400):
        call_command("send_queued_email")
    assert not OutgoingEmail.objects.filter(pk=queued.pk).exists()


# A rolled-back transaction sends nothing: tests/integration/test_background_email.py
