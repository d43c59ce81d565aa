"""Validating a browser's vitals beacon before anything is stored.

A beacon is anonymous and cheap to send, so everything in it is checked: its size,
the metric names, finite values in a plausible range, and a storefront path.
"""

import json
import math

from django.conf import settings

from operations.vitals.models import VitalSample

MAX_BODY_BYTES = 2048
# Upper bounds well beyond any real measurement; anything above is noise or abuse.
RANGES = {"LCP": 120_000, "INP": 60_000, "TTFB": 120_000, "CLS": 100}


class InvalidBeacon(ValueError):
    """The beacon is malformed; the message says why."""


def parse_beacon(body):
    """Return unsaved VitalSample objects from a beacon body, or raise InvalidBeacon."""
    if len(body) > MAX_BODY_BYTES:
        raise InvalidBeacon("beacon too large")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidBeacon("not JSON") from error
    if not isinstance(data, dict):
        raise InvalidBeacon("expected an object")
    path = data.get("path")
    languages = {code for code, _name in settings.LANGUAGES}
    if not isinstance(path, str) or len(path) > 255 or "\x00" in path:
        raise InvalidBeacon("bad path")  # PostgreSQL text holds no NUL
    language = path.split("/")[1] if path.startswith("/") else ""
    if language not in languages:
        raise InvalidBeacon("path outside the storefront")
    metrics = data.get("metrics")
    if not isinstance(metrics, dict) or not metrics:
        raise InvalidBeacon("no metrics")
    samples = []
    for name, value in metrics.items():
        if name not in RANGES:
            raise InvalidBeacon(f"unknown metric {name!r}")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidBeacon(f"{name} is not a number")
        if not math.isfinite(value) or not 0 <= value <= RANGES[name]:
            raise InvalidBeacon(f"{name} out of range")
        samples.append(
            VitalSample(metric=name, value=value, path=path, language=language)
        )
    return samples
