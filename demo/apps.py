from django.apps import AppConfig


class DemoConfig(AppConfig):
    """`seed_demo` and `seed_shop`: in the dev, test and bench settings only."""

    name = "demo"
