"""Events: the pages editors write, and the bookings learners make."""

from events.models.bookings import Attendee, Booking, WaitingListEntry
from events.models.pages import EventIndexPage, EventPage, event_page

__all__ = [
    "Attendee",
    "Booking",
    "EventIndexPage",
    "EventPage",
    "WaitingListEntry",
    "event_page",
]
