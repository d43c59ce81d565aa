"""Verified reviews: written by enrolled learners, shown after moderation.

One review per learner and course (the commerce `Product`, shared by the English
and Spanish pages). Editing sends a review back to moderation. Rating summaries
are cached per course and dropped whenever a review changes, so course cards cost
no SQL query on a warm cache.
"""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.mail import queue_email
from commerce.access import is_enrolled
from commerce.catalog import product_for_page
from learning.models import Review
from speedups.after_commit import now_and_after_commit
from speedups.page_cache import page_paths, purge_paths

MAX_TEXT = 2000
CACHE_SECONDS = 60 * 60


class ReviewError(Exception):
    """A review the rules refuse; the message is for the learner."""

    status = 400


class NotAllowed(ReviewError):
    status = 403


class AlreadyReviewed(ReviewError):
    status = 409


def product_for(course):
    return product_for_page(course)


def can_review(user, course, enrolled=None):
    """Enrolled learners review (`enrolled`: commerce's answer, if known)."""
    if enrolled is not None:
        return enrolled
    return is_enrolled(user, course)


def review_of(user, course):
    """The learner's own review of `course` (any status), or None."""
    if not user or not user.is_authenticated:
        return None
    return Review.objects.filter(
        user=user, product__translation_key=course.translation_key
    ).first()


def _clean(rating, text):
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise ReviewError(_("Choose a rating from 1 to 5 stars."))
    text = (text or "").strip()
    if not text:
        raise ReviewError(_("Write a few words about the course."))
    if len(text) > MAX_TEXT:
        raise ReviewError(_("Keep your review under 2,000 characters."))
    return rating, text


def submit_review(user, course, rating, text):
    """Create the learner's review of `course`, held for moderation."""
    rating, text = _clean(rating, text)
    product = product_for(course)
    if product is None or not can_review(user, course):
        raise NotAllowed(_("Only learners enrolled in this course can review it."))
    try:
        with transaction.atomic():
            review = Review.objects.create(
                user=user,
                product=product,
                language=course.locale.language_code,
                rating=rating,
                text=text,
            )
    except IntegrityError as error:
        raise AlreadyReviewed(
            _("You have already reviewed this course; you can edit your review.")
        ) from error
    forget_summary(product.translation_key)
    return review


def edit_review(user, course, rating, text):
    """Change the learner's review; it goes back to moderation."""
    rating, text = _clean(rating, text)
    if not can_review(user, course):
        raise NotAllowed(_("Only learners enrolled in this course can review it."))
    review = review_of(user, course)
    if review is None:
        raise ReviewError(_("You have not reviewed this course yet."))
    review.rating, review.text = rating, text
    review.language = course.locale.language_code
    review.status = Review.PENDING
    review.moderated_at = None
    review.moderated_by = None
    review.moderation_note = ""
    review.updated_at = timezone.now()
    review.save()
    forget_summary(review.product.translation_key)
    return review


def moderate(review, *, approve, note="", moderator=None):
    """Approve or reject a review; a note, when given, is emailed to the learner."""
    review.status = Review.APPROVED if approve else Review.REJECTED
    review.moderation_note = (note or "").strip()
    review.moderated_at = timezone.now()
    review.moderated_by = moderator
    review.save()
    forget_summary(review.product.translation_key)
    if review.moderation_note and review.user.is_active:
        queue_email(
            review.user.email,
            "learning/emails/review_moderated",
            {
                "name": review.user.name,
                "course_title": review.product.title,
                "approved": approve,
                "note": review.moderation_note,
            },
            language=review.user.preferred_language or review.language,
        )
    return review


def approved_reviews(course, limit=20):
    return list(
        Review.objects.filter(
            product__translation_key=course.translation_key, status=Review.APPROVED
        )
        .select_related("user")
        .order_by("-updated_at", "-pk")[:limit]
    )


def _summary_key(translation_key):
    return f"learning:rating:v1:{translation_key}"


def forget_summary(translation_key):
    """Drop the cached rating, and the anonymous page cache of every page showing
    it (the course in each language, the catalog and home pages listing it).

    The rating is dropped again when the transaction commits: a reader served
    before the commit would otherwise store the old one again.
    """
    key = _summary_key(translation_key)
    now_and_after_commit(lambda: cache.delete(key))
    from wagtail.models import Page

    course = Page.objects.filter(translation_key=translation_key).first()
    if course is not None:
        purge_paths(page_paths(course))


def forget_reviewer(sender, instance, update_fields=None, **kwargs):
    """post_save of a user: reviews show their name ("Ana G."), so a change of
    name must reach the pages of the courses they reviewed."""
    if update_fields is not None and "name" not in update_fields:
        return  # a sign-in saving last_login, and the like
    keys = (
        Review.objects.filter(user_id=instance.pk, status=Review.APPROVED)
        .values_list("product__translation_key", flat=True)
        .distinct()
    )
    for key in keys:
        forget_summary(key)


def rating_summary(course):
    """Approved reviews: {count, average, histogram: [(stars, n, percent) 5→1]}.

    The stars, the JSON-LD and the review list of one render all ask: the answer
    is kept on the page object, which lives for one request.
    """
    if _SUMMARY in course.__dict__:
        return course.__dict__[_SUMMARY]
    key = _summary_key(course.translation_key)
    summary = cache.get(key)
    if summary is None:
        rows = (
            Review.objects.filter(
                product__translation_key=course.translation_key,
                status=Review.APPROVED,
            )
            .values("rating")
            .annotate(n=Count("pk"))
        )
        counts = {row["rating"]: row["n"] for row in rows}
        total = sum(counts.values())
        average = (
            round(sum(stars * n for stars, n in counts.items()) / total, 1)
            if total
            else None
        )
        summary = {
            "count": total,
            "average": average,
            "histogram": [
                (stars, counts.get(stars, 0), _percent(counts.get(stars, 0), total))
                for stars in range(5, 0, -1)
            ],
        }
        cache.set(key, summary, CACHE_SECONDS)
    course.__dict__[_SUMMARY] = summary
    return summary


_SUMMARY = "_rating_summary"


def _percent(part, total):
    return part * 100 // total if total else 0


def aggregate_rating_json_ld(course):
    """schema.org `AggregateRating` for the course, or None without reviews."""
    summary = rating_summary(course)
    if not summary["count"]:
        return None
    return {
        "@type": "AggregateRating",
        "ratingValue": summary["average"],
        "reviewCount": summary["count"],
        "bestRating": 5,
        "worstRating": 1,
    }
