"""Learning URLs, under the language prefix (/en/learn/…, /es/certificates/…)."""

from django.urls import path

from learning import views

app_name = "learning"

urlpatterns = [
    path(
        "learn/lessons/<int:lesson_id>/complete/",
        views.complete_lesson,
        name="complete_lesson",
    ),
    path(
        "learn/courses/<int:course_id>/review/",
        views.review_course,
        name="review_course",
    ),
    path(
        "my/certificates/<str:code>/",
        views.certificate_detail,
        name="certificate",
    ),
    path("certificates/verify/", views.verify_form, name="verify"),
    path(
        "certificates/verify/<str:code>/",
        views.verify_certificate,
        name="verify_certificate",
    ),
]
