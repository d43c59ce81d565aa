"""Learner-facing views: thin wrappers around progress, certificates and reviews."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from cms.models import CoursePage, LessonPage
from learning import certificates, progress, reviews
from learning.forms import ReviewForm
from learning.models import Certificate


def _live_page(model, pk):
    page = model.objects.live().filter(pk=pk).first()
    if page is None:
        raise Http404
    return page


def _refused(request, message, status):
    return render(request, "learning/refused.html", {"message": message}, status=status)


@login_required
@require_POST
def complete_lesson(request, lesson_id):
    """ "Mark as complete": then on to the next lesson, or the certificate."""
    lesson = _live_page(LessonPage, lesson_id)
    try:
        completion = progress.mark_complete(request.user, lesson)
    except progress.NotEnrolled:
        return _refused(
            request, _("Only learners enrolled in this course keep progress."), 403
        )
    if completion.course_completed_now:
        messages.success(
            request, _("You completed the course. Here is your certificate.")
        )
        return redirect("learning:certificate", code=completion.certificate.code)
    messages.success(
        request, _("“%(title)s” marked as complete.") % {"title": lesson.title}
    )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = _following_lesson_url(lesson, request)
    return redirect(target)


def _following_lesson_url(lesson, request):
    """Complete and continue: the next lesson, or this one at the end."""
    _previous, following = lesson.neighbours()
    return (following or lesson).get_url(request)


@login_required
@require_POST
def review_course(request, course_id):
    """Create (or, with `edit=1`, change) the learner's review of a course."""
    course = _live_page(CoursePage, course_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "learning/review_form.html",
            {"form": form, "course": course},
            status=400,
        )
    submit = reviews.edit_review if request.POST.get("edit") else reviews.submit_review
    try:
        submit(
            request.user,
            course,
            form.cleaned_data["rating"],
            form.cleaned_data["text"],
        )
    except reviews.ReviewError as error:
        return _refused(request, str(error), error.status)
    messages.success(
        request,
        _("Thank you! Your review will appear once a moderator has approved it."),
    )
    return redirect(course.get_url(request) + "#reviews")


@never_cache
@login_required
@require_GET
def certificate_detail(request, code):
    """The learner's own certificate; anyone else's code is a 404."""
    certificate = Certificate.objects.filter(
        code=certificates.normalise_code(code), user=request.user
    ).first()
    if certificate is None:
        raise Http404
    certificates.refresh_validity(certificate)
    verify_url = request.build_absolute_uri(_verify_path(certificate.code))
    return render(
        request,
        "learning/certificate.html",
        {"certificate": certificate, "verify_url": verify_url},
    )


def _verify_path(code):
    from django.urls import reverse

    return reverse("learning:verify_certificate", kwargs={"code": code})


@require_GET
def verify_form(request):
    """Type a code, land on its verification page."""
    code = certificates.normalise_code(request.GET.get("code", ""))
    if code:
        return redirect("learning:verify_certificate", code=code)
    return render(
        request,
        "learning/verify.html",
        {"asked": "code" in request.GET, "certificate": None},
        status=400 if "code" in request.GET else 200,
    )


@require_GET
def verify_certificate(request, code):
    """Public: name, course and date of a certificate — nothing else."""
    certificate = certificates.find_by_code(code)
    return render(
        request,
        "learning/verify.html",
        {"asked": True, "certificate": certificate, "code": code},
        status=200 if certificate else 404,
    )
