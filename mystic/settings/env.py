"""Reading settings from the environment, twelve-factor style.

Kept tiny on purpose: every setting names its variable once, and production can ask
for the variables it cannot run without (`require`) and stop with one clear line.
"""

import os


class MissingSetting(SystemExit):
    """Raised at start-up when a required environment variable is absent."""


def get(name, default=""):
    return os.environ.get(name, default)


def get_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def get_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def get_float(name, default):
    value = os.environ.get(name)
    return float(value) if value not in (None, "") else default


def get_list(name, default=()):
    value = os.environ.get(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def require(*names):
    """Stop start-up naming the first missing variable, e.g. `SECRET_KEY is not set`."""
    for name in names:
        if not os.environ.get(name):
            raise MissingSetting(
                f"ImproperlyConfigured: environment variable {name} is not set "
                "(required by mystic.settings.production; see README.md)."
            )
