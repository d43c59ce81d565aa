"""Courses as an entitlement: an enrollment opens every language of one course.

Registered with `commerce.entitlements` for products of kind "course"; nothing
else creates, revokes or restores an enrollment.
"""

from django.utils import timezone

from commerce.models import Enrollment


def enroll(user, product, *, source, order=None, note=""):
    """Open a course for a learner (again); returns the enrollment.

    Opening it again (a new purchase, or staff restoring it) replaces where it
    came from: a restored enrollment no longer points at the refunded order.
    """
    enrollment, created = Enrollment.objects.get_or_create(
        user=user,
        product=product,
        defaults={"source": source, "order": order, "note": note},
    )
    if not created and enrollment.revoked_at is not None:
        enrollment.revoked_at = None
        enrollment.source, enrollment.order, enrollment.note = source, order, note
        enrollment.created_at = timezone.now()
        enrollment.save()
    return enrollment


def owns(user, product):
    """The learner is enrolled: the course cannot be bought again."""
    return Enrollment.objects.active().filter(user=user, product=product).exists()


def revoke(*, order=None, user=None):
    """Revoke the active enrollments an order granted, or all of a user's."""
    enrollments = Enrollment.objects.active()
    if order is not None:
        enrollments = enrollments.filter(order=order)
    if user is not None:
        enrollments = enrollments.filter(user=user)
    if order is None and user is None:
        return 0
    return enrollments.update(revoked_at=timezone.now())


def revoke_one(enrollment):
    """Staff close one enrollment (the admin's "active" box unticked)."""
    return (
        Enrollment.objects.active()
        .filter(pk=enrollment.pk)
        .update(revoked_at=timezone.now())
    )
