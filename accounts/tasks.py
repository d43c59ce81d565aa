"""The outbox's periodic jobs (enqueued by `manage.py run_scheduler`).

Each email's own task is `accounts.mail.send_email`, enqueued by `queue_email`.
"""

from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from accounts import mail
from accounts.models import OutgoingEmail

OVERDUE = timedelta(minutes=10)


@task()
def send_overdue_emails():
    """Safety net (every 10 minutes): queued rows long past due get a new task.

    Covers a worker killed in the middle of a send (its task never finishes)
    and rows queued before the outbox moved onto tasks. `deliver` locks the row
    and checks its status, so a duplicate task sends nothing twice.
    """
    cutoff = timezone.now() - OVERDUE
    overdue = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.QUEUED, next_attempt_at__lt=cutoff
    ).values_list("pk", flat=True)[:500]
    pks = list(overdue)
    for pk in pks:
        mail.send_email.enqueue(pk)
    return len(pks)


@task()
def forget_sent_emails():
    """Delete sent emails after 30 days (their bodies went when they were sent)."""
    return mail.purge_sent()
