from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from cms import listing
        from commerce import entitlements
        from events import personal_data, seats, signals
        from events.models import EventPage

        personal_data.register()
        signals.connect()
        entitlements.register(
            "event",
            entitlements.Entitlement(
                grant=seats.confirm,
                revoke=seats.revoke,
                reserve=seats.hold,
                release=seats.release,
                quantity=seats.quantity,
                receipt=entitlements.Receipt(
                    opened=_(
                        "Your seats are booked; the confirmation with the "
                        "calendar file comes in its own email."
                    ),
                    link_label=_("Your bookings"),
                    url_name="events:my_bookings",
                ),
            ),
        )
        listing.register(
            listing.ListingKind(
                key="event",
                label=_("Event"),
                plural=_("Events"),
                model=EventPage,
                listable=lambda locale: (
                    EventPage.objects.listable(locale).for_cards().with_seats_left()
                ),
                card_template="events/includes/event_card.html",
                position=10,
            )
        )
