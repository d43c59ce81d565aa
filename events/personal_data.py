"""The learner's bookings for export and erasure (accounts.personal_data).

Export: every booking with its event, seats, status and attendee names.
Erasure: bookings are cancelled (through commerce's `revoke_user`) and the names
of the attendees the learner typed are removed; the waiting list forgets them.
"""

from accounts import personal_data
from events.models import Attendee, Booking, WaitingListEntry


def export(user):
    return {
        "bookings": [
            {
                "event": booking.product.title,
                "seats": booking.seats,
                "status": booking.status,
                "order": booking.order.number if booking.order else None,
                "attendees": [a.name for a in booking.attendees.all()],
                "created_at": booking.created_at.isoformat(),
            }
            for booking in Booking.objects.filter(user=user)
            .select_related("product", "order")
            .prefetch_related("attendees")
        ]
    }


def erase(user):
    Attendee.objects.filter(booking__user=user).update(name="—")
    Booking.objects.filter(user=user, status=Booking.CART).delete()
    WaitingListEntry.objects.filter(user=user).delete()


def register():
    personal_data.register("events", exporter=export, eraser=erase)
