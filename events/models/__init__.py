"""Events: the pages editors write, and the bookings learners make."""

from events.models.bookings import Attendee, Booking, WaitingListEntry
from events.models.pages import EventIndexPage, EventInstructor, EventPage, event_page

__all__ = [
    "Attendee",
    "Booking",
    "EventIndexPage",
    "EventInstructor",
    "EventPage",
    "WaitingListEntry",
    "event_page",
]
