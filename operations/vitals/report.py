"""p75 of each metric per page and language: the figure Core Web Vitals judge by."""

from datetime import timedelta

from django.db import connection
from django.db.models import Aggregate, Count, FloatField
from django.utils import timezone

from operations.vitals.models import VitalSample


class Percentile75(Aggregate):
    """PostgreSQL's continuous 75th percentile."""

    function = "percentile_cont"
    template = "%(function)s(0.75) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _p75(values):
    ordered = sorted(values)
    position = 0.75 * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def p75_by_page(days=7):
    """Rows of {path, language, metric, p75, samples}, busiest pages first."""
    since = timezone.now() - timedelta(days=days)
    recent = VitalSample.objects.filter(created_at__gte=since)
    keys = ("path", "language", "metric")
    if connection.vendor == "postgresql":
        rows = list(
            recent.values(*keys).annotate(
                p75=Percentile75("value"), samples=Count("id")
            )
        )
    else:  # SQLite in development: compute in Python
        groups = {}
        for row in recent.values(*keys, "value"):
            groups.setdefault(tuple(row[k] for k in keys), []).append(row["value"])
        rows = [
            {**dict(zip(keys, key, strict=True)), "p75": _p75(v), "samples": len(v)}
            for key, v in groups.items()
        ]
    return sorted(rows, key=lambda r: (-r["samples"], r["path"], r["metric"]))
