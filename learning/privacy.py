"""Personal data held by learning: exported with the account, erased with it."""

from learning.models import Certificate, LessonProgress, Review
from learning.reviews import forget_summary


def export_learning(user):
    return {
        "lesson_progress": [
            {
                "course": str(row.course_key),
                "lesson": str(row.lesson_key),
                "started_at": row.started_at.isoformat(),
                "last_visited_at": row.last_visited_at.isoformat(),
                "completed_at": row.completed_at.isoformat()
                if row.completed_at
                else None,
            }
            for row in LessonProgress.objects.filter(user=user).order_by("pk")
        ],
        "certificates": [
            {
                "code": c.code,
                "name": c.learner_name,
                "course": c.course_title,
                "issued_at": c.issued_at.isoformat(),
                "withdrawn_at": c.revoked_at.isoformat() if c.revoked_at else None,
            }
            for c in Certificate.objects.filter(user=user).order_by("pk")
        ],
        "reviews": [
            {
                "course": r.product.title,
                "language": r.language,
                "rating": r.rating,
                "text": r.text,
                "status": r.status,
                "written_at": r.created_at.isoformat(),
            }
            for r in Review.objects.filter(user=user).select_related("product")
        ],
    }


def forget_learning(user):
    """Erase progress, certificates (their public codes stop verifying) and reviews."""
    keys = set(
        Review.objects.filter(user=user).values_list(
            "product__translation_key", flat=True
        )
    )
    Review.objects.filter(user=user).delete()
    for key in keys:
        forget_summary(key)
    Certificate.objects.filter(user=user).delete()
    LessonProgress.objects.filter(user=user).delete()
