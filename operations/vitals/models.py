"""Field measurements of page speed sent by learners' browsers (Core Web Vitals)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VitalSample(models.Model):
    """One metric measured on one page view."""

    class Metric(models.TextChoices):
        LCP = "LCP", _("Largest contentful paint (ms)")
        CLS = "CLS", _("Cumulative layout shift")
        INP = "INP", _("Interaction to next paint (ms)")
        TTFB = "TTFB", _("Time to first byte (ms)")

    metric = models.CharField(max_length=4, choices=Metric.choices)
    value = models.FloatField()
    path = models.CharField(max_length=255)
    language = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["created_at", "metric", "language", "path"],
                name="vitals_report_idx",
            )
        ]

    def __str__(self):
        return f"{self.metric} {self.value:g} {self.path}"
