"""Email on the task queue: nothing for a rollback, retried until SMTP is back."""

import time

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from accounts.mail import queue_email
from accounts.models import OutgoingEmail
from tests.fakes.smtp_server import SMTPServer
from tests.support.tasks import run_worker

pytestmark = pytest.mark.django_db

CONTEXT = {"timestamp": "now", "ip": "10.0.0.1", "user_agent": "test"}


def queue(to="ana@example.com"):
    return queue_email(to, "account/email/password_changed", CONTEXT)


def later(minutes):
    return time_machine.travel(time.time() + minutes * 60, tick=True)


def test_email_queued_in_a_rolled_back_transaction_is_never_sent(database_tasks):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue()
        assert database_tasks.count() == 1  # enqueued: a row in this transaction
        raise RuntimeError("the order failed")
    assert database_tasks.count() == 0
    run_worker()
    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_the_worker_sends_a_committed_email_not_the_request(database_tasks):
    queued = queue()
    assert mail.outbox == []  # the request only wrote rows
    assert run_worker() == 1
    assert [message.to for message in mail.outbox] == [["ana@example.com"]]
    queued.refresh_from_db()
    assert queued.status == OutgoingEmail.Status.SENT and queued.attempts == 1


def test_email_is_retried_while_smtp_is_down_and_sent_when_it_is_back(
    database_tasks,
):
    smtp = SMTPServer()
    with smtp, override_settings(**smtp.django_settings(timeout=1)):
        smtp.stop()  # the mail server goes down
        queued = queue("sol@example.com")
        run_worker()
        queued.refresh_from_db()
        assert queued.status == OutgoingEmail.Status.QUEUED
        assert queued.attempts == 1 and "Connection refused" in queued.last_error
        retry = database_tasks.filter(status="READY").get()
        assert retry.run_after == queued.next_attempt_at  # 1 minute of backoff

        run_worker()  # not due yet: nothing tried
        queued.refresh_from_db()
        assert queued.attempts == 1

        with later(minutes=2):
            run_worker()
        queued.refresh_from_db()
        assert queued.attempts == 2 and queued.status == OutgoingEmail.Status.QUEUED
        second = database_tasks.filter(status="READY").get()
        assert second.run_after - retry.run_after > retry.run_after - (
            retry.enqueued_at
        )  # the wait doubles

        smtp.start()  # the mail server is back
        with later(minutes=5):
            run_worker()
        queued.refresh_from_db()
        assert queued.status == OutgoingEmail.Status.SENT and queued.attempts == 3
        message = smtp.wait_for("sol@example.com")
        assert message["Subject"].startswith("[Mystic Courses] ")
        assert not database_tasks.filter(status="READY").exists()


def test_email_is_marked_failed_after_the_last_attempt(database_tasks, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    smtp = SMTPServer(mode="down")  # answers, but refuses every message (451)
    with smtp, override_settings(**smtp.django_settings(timeout=1)):
        queued = queue("rio@example.com")
        run_worker()
        with later(minutes=2):
            run_worker()
        queued.refresh_from_db()
        assert queued.status == OutgoingEmail.Status.FAILED
        assert queued.attempts == 2 and "451" in queued.last_error
        assert not DBTaskResult.objects.filter(status="READY").exists()
        assert smtp.messages == []
