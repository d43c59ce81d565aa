"""The learner's shop data for export and erasure (accounts.personal_data).

Export: orders (lines, totals, status) and enrollments. Erasure: orders are kept
for accounting with the email replaced, enrollments end, the saved cart goes.
"""

from accounts import personal_data
from commerce import entitlements
from commerce.models import Cart, Enrollment, Order


def export(user):
    return {
        "orders": [
            {
                "number": order.number,
                "status": order.status,
                "currency": order.currency,
                "total_minor": order.total_minor,
                "refunded_minor": order.refunded_minor,
                "created_at": order.created_at.isoformat(),
                "paid_at": order.paid_at.isoformat() if order.paid_at else None,
                "lines": [
                    {"course": line.title, "amount_minor": line.amount_minor}
                    for line in order.lines.all()
                ],
            }
            for order in Order.objects.filter(user=user).prefetch_related("lines")
        ],
        "enrollments": [
            {
                "course": enrollment.product.title,
                "enrolled_at": enrollment.created_at.isoformat(),
                "revoked_at": (
                    enrollment.revoked_at.isoformat() if enrollment.revoked_at else None
                ),
            }
            for enrollment in Enrollment.objects.filter(user=user).select_related(
                "product"
            )
        ],
    }


def erase(user):
    Order.objects.filter(user=user).update(email=f"erased-{user.pk}@invalid")
    entitlements.revoke_user(user)
    Cart.objects.filter(user=user).delete()


def register():
    personal_data.register("shop", exporter=export, eraser=erase)
