"""Learner URLs of events, translated: /en/my/bookings/, /es/mis-reservas/ …"""

from django.urls import path
from django.utils.translation import pgettext_lazy

from events import views
from operations.localized_paths import with_untranslated_redirects

app_name = "events"

urlpatterns = with_untranslated_redirects(
    [
        path(
            pgettext_lazy("URL path", "book/<str:page_id>/"),
            views.book,
            name="book",
        ),
        path(
            pgettext_lazy("URL path", "book/<str:page_id>/wait/"),
            views.wait,
            name="wait",
        ),
        path(
            pgettext_lazy("URL path", "book/claim/<str:token>/"),
            views.claim,
            name="claim",
        ),
        path(
            pgettext_lazy("URL path", "my/bookings/"),
            views.my_bookings,
            name="my_bookings",
        ),
        path(
            pgettext_lazy("URL path", "my/bookings/<str:booking_id>/cancel/"),
            views.cancel,
            name="cancel",
        ),
    ],
    namespace=app_name,
)
