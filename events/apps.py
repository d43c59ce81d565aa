from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from commerce import entitlements
        from events import personal_data, seats, signals

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
            ),
        )
