"""Completion certificates: issued once, verified by code, withdrawn with access.

Issuing runs inside `progress.mark_complete`'s transaction with the enrollment row
locked; `get_or_create` on the (user, product) unique constraint is the second
guard. Withdrawal is checked where a certificate is shown: commerce revokes
enrollments with a bulk `UPDATE` (refunds) or the admin form, without a signal,
so `refresh_validity` compares the certificate with its enrollment and records
`revoked_at` the first time it finds the enrollment gone
(docs/decisions/0061-certificates-issued-once-withdrawn-at-display-time.md).
"""

import re
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from commerce.models import Enrollment
from learning.models import Certificate

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I lookalikes
CODE_GROUPS, CODE_GROUP_LENGTH = 3, 4
_CODE_RE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")


def new_code():
    """A random code such as `K7QM-2HXA-9TRD` (60 bits, for humans to type)."""
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
        for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


def normalise_code(raw):
    """What a visitor typed → the stored form, or "" when it cannot be a code."""
    compact = re.sub(r"[^A-Za-z0-9]", "", raw or "").upper()
    if len(compact) != CODE_GROUPS * CODE_GROUP_LENGTH:
        return ""
    code = "-".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return code if _CODE_RE.match(code) else ""


def issue_certificate(user, product, course):
    """The learner's certificate for `product`, created on the first call only.

    A certificate withdrawn after a refund is reinstated (same code) if the
    learner is enrolled again and completes the course.
    """
    for _attempt in range(3):
        try:
            with transaction.atomic():
                certificate, created = Certificate.objects.get_or_create(
                    user=user,
                    product=product,
                    defaults={
                        "code": new_code(),
                        "learner_name": (user.name or "").strip(),
                        "course_title": course.title,
                        "language": course.locale.language_code,
                        "issued_at": timezone.now(),
                    },
                )
        except IntegrityError:
            existing = Certificate.objects.filter(user=user, product=product).first()
            if existing is None:
                continue  # a code collision: try another code
            certificate, created = existing, False
        if not created and certificate.revoked_at is not None:
            Certificate.objects.filter(pk=certificate.pk).update(revoked_at=None)
            certificate.revoked_at = None
        return certificate
    raise RuntimeError("could not allocate a certificate code")


def enrollment_is_active(certificate):
    return (
        Enrollment.objects.active()
        .filter(user_id=certificate.user_id, product_id=certificate.product_id)
        .exists()
    )


def refresh_validity(certificate):
    """Withdraw the certificate if its enrollment was refunded or revoked."""
    if certificate.revoked_at is None and not enrollment_is_active(certificate):
        certificate.revoked_at = timezone.now()
        Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
            revoked_at=certificate.revoked_at
        )
    return certificate


def find_by_code(raw):
    """The certificate with this code (validity refreshed), or None."""
    code = normalise_code(raw)
    if not code:
        return None
    certificate = Certificate.objects.filter(code=code).first()
    return refresh_validity(certificate) if certificate else None


def certificate_for(user, course):
    """The user's certificate for a course page (any language), or None."""
    if not user or not user.is_authenticated:
        return None
    certificate = Certificate.objects.filter(
        user=user, product__translation_key=course.translation_key
    ).first()
    return refresh_validity(certificate) if certificate else None
