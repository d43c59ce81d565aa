"""Benchmarks: production settings plus the demo app that generates the catalog."""

from mystic.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
