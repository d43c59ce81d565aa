"""Events in the admin: a menu item to the seats overview and its screens."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from events import admin_views


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [
        path("events/", admin_views.index, name="events_admin_index"),
        path(
            "events/<str:event_id>/attendees/",
            admin_views.attendees,
            name="events_admin_attendees",
        ),
        path(
            "events/attendees/<str:attendee_id>/check-in/",
            admin_views.check_in,
            name="events_admin_check_in",
        ),
        path(
            "events/<str:event_id>/message/",
            admin_views.message,
            name="events_admin_message",
        ),
        path(
            "events/<str:event_id>/cancel/",
            admin_views.cancel_event,
            name="events_admin_cancel",
        ),
    ]


class BookingsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW)


@hooks.register("register_admin_menu_item")
def register_event_bookings_menu_item():
    return BookingsMenuItem(
        _("Event bookings"),
        reverse("events_admin_index"),
        icon_name="date",
        order=260,
    )
