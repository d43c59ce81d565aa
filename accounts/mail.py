"""Outgoing email: rendered in the recipient's language, stored, sent after commit.

The one entry point for every app is `queue_email`. It renders the subject
(prefixed "[Mystic Courses] "), the plain-text body and the HTML body now, so the
message is fixed in the language and with the data of the moment, stores an
`OutgoingEmail` row, and enqueues a `send_email` task in the same transaction
(decision 0090): a rolled-back transaction leaves neither row nor task, so nothing
is sent. The task worker sends it; if SMTP is slow or down the task enqueues
itself again with exponential backoff (`run_after`) until `OUTBOX_MAX_ATTEMPTS`,
then the row is marked failed (staff see it under Settings → Outgoing emails).
The row stays the visible record: status, attempts, last error.

Templates follow allauth's convention, `{prefix}_subject.txt`,
`{prefix}_message.txt` and, optionally, `{prefix}_message.html`; without an HTML
template the plain text is wrapped in the branded `emails/layout.html`.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import task
from django.template import Context
from django.template.exceptions import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation

from accounts.models import OutgoingEmail

logger = logging.getLogger(__name__)

SITE_NAME = "Mystic Courses"
SUBJECT_PREFIX = f"[{SITE_NAME}] "
BACKOFF_BASE_SECONDS = 60  # 1, 2, 4, 8 … minutes between attempts
BACKOFF_MAX_SECONDS = 6 * 60 * 60
SENT_RETENTION_DAYS = 30


def queue_email(
    to,
    template_prefix,
    context=None,
    *,
    language=None,
    from_email=None,
    headers=None,
    attachments=None,
):
    """Render `template_prefix` in `language` for `to` and send it after commit.

    `to` is an address or a list of addresses; `context` the template context
    (`site_name` and `site_url` are added); `language` a code from
    `settings.LANGUAGES` (defaults to the active language); `attachments` a
    list of (filename, text content, mimetype). Returns the stored
    `OutgoingEmail`. Never raises because of SMTP.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    subject, text, html = render_email(template_prefix, context or {}, language)
    email = OutgoingEmail.objects.create(
        to=", ".join(recipients),
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        body_text=text,
        body_html=html,
        headers=headers or {},
        attachments=[
            {"filename": name, "content": content, "mimetype": mimetype}
            for name, content, mimetype in attachments or ()
        ],
        language=language,
    )
    # Same transaction as the row: a rollback enqueues nothing. Sending never
    # raises, so an inline backend (tests) cannot break the caller either.
    send_email.enqueue(email.pk)
    return email


def _render_text(template_name, context):
    """A subject or plain-text body: not HTML, so nothing is HTML-escaped
    ("O'Neil", "Q&A" stay as typed; the HTML part escapes them itself)."""
    template = get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def render_email(template_prefix, context, language):
    """(subject, plain text, HTML) of a templated email in `language`."""
    context = {
        "site_name": SITE_NAME,
        "site_url": settings.SITE_URL,
        "LANGUAGE_CODE": language,
        **context,
    }
    with translation.override(language):
        subject = _render_text(f"{template_prefix}_subject.txt", context)
        subject = SUBJECT_PREFIX + " ".join(subject.splitlines()).strip()
        text = _render_text(f"{template_prefix}_message.txt", context).strip()
        try:
            html = render_to_string(f"{template_prefix}_message.html", context)
        except TemplateDoesNotExist:
            html = render_to_string(
                "emails/layout.html",
                {**context, "subject": subject, "body_text": text},
            )
    return subject, text, html.strip()


def deliver(pk):
    """Try to send one queued email now; on failure, set its next attempt.

    Returns True (sent), False (not sent: locked elsewhere, sent already, or this
    attempt failed). Safe to call from several processes: the row is locked and
    skipped if another process holds it, and a sent row is never sent again.
    """
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, status=OutgoingEmail.Status.QUEUED)
            .first()
        )
        if email is None:
            return False
        return _send(email)


@task(priority=10)  # a learner waits for it: ahead of indexing and periodic jobs
def send_email(pk):
    """The worker's attempt at one email; on failure, enqueue the next attempt.

    `deliver` has counted the attempt and set `next_attempt_at` (exponential
    backoff); the retry is enqueued to run then, in the same transaction as the
    row's update, until the row is sent or marked failed.
    """
    with transaction.atomic():
        if deliver(pk):
            return "sent"
        email = OutgoingEmail.objects.filter(pk=pk).first()
        if email is None or email.status != OutgoingEmail.Status.QUEUED:
            return email.status if email else "gone"
        if send_email.get_backend().supports_defer:
            send_email.using(run_after=email.next_attempt_at).enqueue(pk)
        # An inline backend (tests) cannot wait: `send_overdue_emails` or
        # `manage.py send_queued_email` picks the row up when it is due.
        return f"retry at {email.next_attempt_at.isoformat()}"


def send_due(limit=100):
    """Send every queued email whose next attempt is due; returns (sent, failed)."""
    sent = failed = 0
    due = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.QUEUED, next_attempt_at__lte=timezone.now()
    ).values_list("pk", flat=True)[:limit]
    for pk in list(due):
        if deliver(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed


def keep_spaces_when_folded(subject):
    """The subject with a no-break space between two words that both carry
    accents. Python's email folding (3.13) writes such words as two encoded words
    and drops the space between them, so Spanish subjects arrived as
    "montañaestá"; a no-break space is encoded inside the word and survives."""
    words = subject.split(" ")
    joined = words[0]
    for before, word in zip(words, words[1:], strict=False):
        both_accented = not before.isascii() and not word.isascii()
        joined += ("\u00a0" if both_accented else " ") + word
    return joined


def _send(email):
    message = EmailMultiAlternatives(
        subject=keep_spaces_when_folded(email.subject),
        body=email.body_text,
        from_email=email.from_email,
        to=email.recipients,
        headers=email.headers or None,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments or ():
        message.attach(
            attachment["filename"], attachment["content"], attachment["mimetype"]
        )
    email.attempts += 1
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 - any SMTP/network failure is retried
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        if email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
            email.status = OutgoingEmail.Status.FAILED
            logger.error(
                "email %s given up after %s attempts", email.pk, email.attempts
            )
        else:
            delay = min(
                BACKOFF_BASE_SECONDS * 2 ** (email.attempts - 1), BACKOFF_MAX_SECONDS
            )
            email.next_attempt_at = timezone.now() + timedelta(seconds=delay)
            logger.warning(
                "email %s not sent (attempt %s), retry in %ss: %s",
                email.pk,
                email.attempts,
                delay,
                email.last_error,
            )
        email.save()
        return False
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    # Sent: keep who/what/when, not the body (it may hold a reset or verify link).
    email.body_text = email.body_html = ""
    email.save()
    return True


def purge_sent(days=SENT_RETENTION_DAYS):
    """Forget sent emails older than `days`; returns how many were deleted."""
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.SENT, sent_at__lt=cutoff
    ).delete()
    return deleted
