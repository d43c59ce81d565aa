"""An enrollment opens every language version of one course for one learner."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EnrollmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class Enrollment(models.Model):
    SOURCE_PURCHASE = "purchase"
    SOURCE_GRANT = "grant"
    SOURCE_FREE = "free"
    SOURCE_CHOICES = [
        (SOURCE_PURCHASE, _("Purchase")),
        (SOURCE_GRANT, _("Granted by staff")),
        (SOURCE_FREE, _("Free course")),
    ]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    product = models.ForeignKey(
        "commerce.Product",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="enrollments",
    )
    source = models.CharField(
        _("source"), max_length=16, choices=SOURCE_CHOICES, default=SOURCE_PURCHASE
    )
    order = models.ForeignKey(
        "commerce.Order",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrollments",
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "product"], name="commerce_one_enrollment_per_course"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.product}"

    @property
    def is_active(self):
        return self.revoked_at is None
