"""Staff see a failed email in the admin: to whom, how many attempts, why."""

import pytest
from django.test import override_settings

from accounts.mail import queue_email
from tests.fakes.smtp_server import SMTPServer
from tests.support.tasks import run_worker

pytestmark = pytest.mark.django_db


def test_a_failed_email_is_listed_for_staff_with_the_servers_answer(
    client, superuser, database_tasks, settings
):
    settings.OUTBOX_MAX_ATTEMPTS = 1
    with SMTPServer(mode="down") as smtp, override_settings(**smtp.django_settings()):
        queue_email("rio@example.com", "account/email/password_changed", {})
        run_worker()
    client.force_login(superuser)
    listing = client.get("/admin/outgoing-emails/?status=failed")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "rio@example.com" in page and "451" in page
    everything = client.get("/admin/outgoing-emails/?status=sent").content.decode()
    assert "rio@example.com" not in everything


def test_a_sent_email_has_no_next_attempt_and_says_its_status_in_spanish():
    from django.utils import timezone, translation

    from accounts.models import OutgoingEmail

    email = OutgoingEmail.objects.create(
        to="rio@example.com",
        from_email="shop@example.com",
        subject="Hola",
        body_text="…",
        status=OutgoingEmail.Status.SENT,
        sent_at=timezone.now(),
    )
    assert email.pending_attempt_at is None
    with translation.override("es"):
        assert str(email) == "Hola → rio@example.com (enviado)"
    email.status = OutgoingEmail.Status.QUEUED
    assert email.pending_attempt_at == email.next_attempt_at
