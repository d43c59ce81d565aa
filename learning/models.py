"""What a learner did with a course: lessons visited and completed, certificates
earned, reviews written.

Lessons and courses are referenced by their Wagtail `translation_key`, not by page
id: a lesson completed in English counts in Spanish too, and progress survives a
page being unpublished and published again. Certificates and reviews point at the
commerce `Product` (one per course across languages), like enrollments do.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LessonProgress(models.Model):
    """One learner's trace through one lesson (any language version)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="lesson_progress",
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    lesson_key = models.UUIDField(_("lesson"))
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    last_visited_at = models.DateTimeField(_("last visited"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    # Where the learner stopped the lesson's uploaded video or audio, in seconds:
    # the player resumes there, in any language version of the lesson.
    media_position = models.PositiveIntegerField(_("media position"), default=0)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key"], name="learning_progress_once_per_lesson"
            )
        ]
        indexes = [models.Index(fields=["user", "course_key"])]

    def __str__(self):
        return f"{self.user} · {self.lesson_key}"

    @property
    def is_complete(self):
        return self.completed_at is not None


class Certificate(models.Model):
    """Proof that a learner completed a course, issued once.

    Course title and learner name are copied at issue time so later edits to the
    course (or a renamed account) do not rewrite a certificate already handed out.
    `revoked_at` is set when the enrollment behind it is refunded or revoked
    (see learning/certificates.py).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    product = models.ForeignKey(
        "commerce.Product",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    code = models.CharField(_("verification code"), max_length=20, unique=True)
    learner_name = models.CharField(_("learner name"), max_length=255)
    course_title = models.CharField(_("course title"), max_length=255)
    language = models.CharField(_("language"), max_length=8, default="en")
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "product"], name="learning_one_certificate_per_course"
            )
        ]

    def __str__(self):
        return f"{self.code} · {self.course_title}"

    @property
    def is_valid(self):
        return self.revoked_at is None


class Review(models.Model):
    """A learner's rating and words about a course, shown once a moderator approves.

    Kept in the language version it was written on (`language`); both language
    versions of the course show it with that language as a label.
    """

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    STATUS_CHOICES = [
        (PENDING, _("Waiting for moderation")),
        (APPROVED, _("Approved")),
        (REJECTED, _("Rejected")),
    ]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="course_reviews",
    )
    product = models.ForeignKey(
        "commerce.Product",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    language = models.CharField(_("language"), max_length=8)
    rating = models.PositiveSmallIntegerField(_("rating"))
    text = models.TextField(_("review"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=STATUS_CHOICES, default=PENDING
    )
    moderation_note = models.TextField(_("note to the learner"), blank=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        verbose_name = _("course review")
        verbose_name_plural = _("course reviews")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "product"], name="learning_one_review_per_course"
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5),
                name="learning_review_rating_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.rating}★ · {self.product} · {self.user}"

    def language_name(self):
        from django.utils.translation import get_language_info

        try:
            return get_language_info(self.language)["name_local"]
        except KeyError:
            return self.language
