from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """The local Stripe stand-in (TEST MODE); installed by the dev settings only."""

    name = "devtools"
