"""Learning URLs under the language prefix: /en/learn/…, /es/mis-certificados/…

Pages a learner reads have translated paths; the untranslated ones redirect
(operations/localized_paths.py). The form posts under learn/ keep one path.
"""

from django.urls import path
from django.utils.translation import pgettext_lazy

from learning import media, views
from operations.localized_paths import with_untranslated_redirects

app_name = "learning"

urlpatterns = with_untranslated_redirects(
    [
        path(
            "learn/lessons/<int:lesson_id>/complete/",
            views.complete_lesson,
            name="complete_lesson",
        ),
        path(
            "learn/lessons/<int:lesson_id>/media/",
            media.lesson_media,
            name="lesson_media",
        ),
        path(
            "learn/lessons/<int:lesson_id>/media/position/",
            media.media_position,
            name="media_position",
        ),
        path(
            "learn/courses/<int:course_id>/review/",
            views.review_course,
            name="review_course",
        ),
        path(
            pgettext_lazy("URL path", "my/certificates/<str:code>/"),
            views.certificate_detail,
            name="certificate",
        ),
        path(
            pgettext_lazy("URL path", "certificates/verify/"),
            views.verify_form,
            name="verify",
        ),
        path(
            pgettext_lazy("URL path", "certificates/verify/<str:code>/"),
            views.verify_certificate,
            name="verify_certificate",
        ),
    ],
    namespace=app_name,
)
