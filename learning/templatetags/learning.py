"""Template hooks the catalog and commerce templates call, so they need not
know how progress, certificates or reviews work:

    {% load learning %}
    {% course_progress page %}   progress bar, "Continue", certificate link
    {% lesson_controls page %}   "Mark as complete", progress, outline with ticks
    {% course_rating page %}     ★ average (count), nothing without reviews
    {% course_review_list page %} histogram and published reviews (shared)
    {% course_review_form page %} the learner's own review and its form

Each renders nothing for visitors it does not concern (and in admin previews,
where progress would be someone else's).
"""

from django import template

from learning import certificates, progress, reviews
from learning.forms import ReviewForm

register = template.Library()


def _user(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or getattr(request, "is_preview", False):
        return None
    return user if user is not None and user.is_authenticated else None


def _known_enrollment(context, course):
    """The course page's view already asked whether the reader is enrolled
    (`viewer_enrolled`); None when this render does not know."""
    page = context.get("page")
    known = context.get("viewer_enrolled")
    if known is None or page is None or course is None or page.pk != course.pk:
        return None
    return bool(known)


@register.inclusion_tag("learning/includes/course_progress.html", takes_context=True)
def course_progress(context, course):
    user = _user(context)
    if course is None or user is None:
        return {"show": False}
    if not progress.is_learner(user, course, _known_enrollment(context, course)):
        return {"show": False}
    return {
        "show": True,
        "course": course,
        "progress": progress.course_progress(user, course),
        "certificate": certificates.certificate_for(user, course),
        "request": context.get("request"),
    }


@register.inclusion_tag("learning/includes/lesson_controls.html", takes_context=True)
def lesson_controls(context, lesson):
    user = _user(context)
    if user is None:
        return {"show": False}
    course = progress.course_of(lesson)
    if not progress.is_learner(user, course):
        return {"show": False}
    lessons = progress.live_lessons(course)
    state = progress.course_progress(user, course, lessons)
    return {
        "show": True,
        "lesson": lesson,
        "course": course,
        "lessons": lessons,
        "progress": state,
        "is_complete": lesson.translation_key in state.completed_keys,
        "certificate": certificates.certificate_for(user, course)
        if state.is_complete
        else None,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("learning/includes/course_rating.html")
def course_rating(course):
    if course is None:
        return {"summary": None}
    return {"summary": reviews.rating_summary(course)}


@register.inclusion_tag("learning/includes/course_review_list.html")
def course_review_list(course):
    """The histogram and the published reviews: the same for every reader, so the
    course page keeps them in its shared fragment (speedups/render_cache.py)."""
    return {
        "summary": reviews.rating_summary(course) if course else None,
        "reviews": reviews.approved_reviews(course) if course else [],
    }


@register.inclusion_tag("learning/includes/course_review_form.html", takes_context=True)
def course_review_form(context, course):
    """The learner's own review: its status and the form to write or edit it."""
    user = _user(context)
    known = _known_enrollment(context, course)
    may_review = bool(user and reviews.can_review(user, course, known))
    own = reviews.review_of(user, course) if may_review else None  # shown only then
    form = None
    if may_review:
        initial = {"rating": own.rating, "text": own.text} if own else None
        form = ReviewForm(initial=initial)
    return {
        "course": course,
        "own": own,
        "may_review": may_review,
        "form": form,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def has_key(keys, key):
    """`{% if progress.completed_keys|has_key:lesson.translation_key %}`."""
    return key in keys


@register.filter
def stars(rating):
    """4.3 → "★★★★☆" (rounded to the nearest whole star)."""
    try:
        filled = max(0, min(5, round(float(rating))))
    except (TypeError, ValueError):
        return ""
    return "★" * filled + "☆" * (5 - filled)


@register.filter
def public_name(name):
    """ "Ana García López" → "Ana G.": reviews show who wrote them, not in full."""
    parts = (name or "").split()
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return f"{parts[0]} {parts[1][0]}."
