"""A lesson's uploaded video or audio: streamed to whoever may open the lesson,
and the place each learner stopped, so the player resumes there.

Who may play it is the lesson's own rule (`cms.access.can_view_lesson_body`:
free previews for everyone, enrolled learners and staff; a draft share link
plays what its shared page shows, `cms.access.shared_lesson_media`), asked on every
request for the file, range requests included: the page hiding the player is
not the protection. The bytes come from the private store through
`operations.streaming` (206 for a player's ranges, `private, no-store`).
"""

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.access import can_view_lesson_body, share_token, shared_lesson_media
from cms.models import LessonPage
from learning import progress
from learning.models import LessonProgress
from operations.private_storage import private_storage
from operations.streaming import stream_file

MAX_POSITION = 24 * 3600  # seconds: longer than any lesson


def _lesson_with_media(lesson_id):
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    if lesson is None or not lesson.media_file:
        raise Http404(_("This lesson has no uploaded video or audio."))
    return lesson


@require_http_methods(["GET", "HEAD"])
def lesson_media(request, lesson_id):
    shared = shared_lesson_media(request, lesson_id)
    if shared is not None:
        return stream_file(request, private_storage(), shared.media_file.name)
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    if lesson is None and share_token(request):
        return _refuse(request, _("This share link has expired or does not open it."))
    if lesson is None or not lesson.media_file:
        raise Http404(_("This lesson has no uploaded video or audio."))
    if not can_view_lesson_body(request, lesson):
        return _refuse(request, _("Enroll in the course to watch this lesson."))
    return stream_file(request, private_storage(), lesson.media_file.name)


def _refuse(request, message):
    return render(request, "learning/refused.html", {"message": message}, status=403)


@require_http_methods(["GET", "POST"])
def media_position(request, lesson_id):
    """GET: {"position": seconds} where the learner stopped; POST `position`."""
    lesson = _lesson_with_media(lesson_id)
    user = request.user
    if not user.is_authenticated or not progress.is_learner(
        user, progress.course_of(lesson)
    ):
        return JsonResponse({"error": "not_enrolled"}, status=403)
    if request.method == "GET":
        saved = (
            LessonProgress.objects.filter(user=user, lesson_key=lesson.translation_key)
            .values_list("media_position", flat=True)
            .first()
        )
        return JsonResponse({"position": saved or 0})
    try:
        position = int(float(request.POST.get("position", "")))
    except ValueError:
        return JsonResponse({"error": "bad_position"}, status=400)
    position = min(max(position, 0), MAX_POSITION)
    row = progress.record_visit(user, lesson)
    LessonProgress.objects.filter(pk=row.pk).update(media_position=position)
    return JsonResponse({"position": position})
