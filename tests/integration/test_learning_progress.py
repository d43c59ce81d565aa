"""Learners' progress: kept per learner, counted over the lessons live today,
shared between language versions, and the way back in ("Continue")."""

import pytest

from learning.models import LessonProgress
from learning.progress import course_progress
from tests.support.learning import add_lesson, complete_url, enrolled_learner

pytestmark = pytest.mark.django_db


def page_text(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_progress_of_one_learner_is_invisible_to_another(client, shop_course):
    ana = enrolled_learner(shop_course)
    ben = enrolled_learner(shop_course, email="ben@example.com", name="Ben")
    client.force_login(ana)
    response = client.post(complete_url(shop_course.free_lesson))
    assert response.status_code == 302

    assert "50% complete" in page_text(client, shop_course.en)
    client.force_login(ben)
    assert "0% complete" in page_text(client, shop_course.en)
    assert course_progress(ben, shop_course.en).completed == 0
    assert course_progress(ana, shop_course.en).completed == 1


def test_percent_follows_lessons_added_and_unpublished_after_enrollment(
    client, shop_course
):
    ana = enrolled_learner(shop_course)
    client.force_login(ana)
    client.post(complete_url(shop_course.free_lesson))
    client.post(complete_url(shop_course.paid_lesson))
    assert course_progress(ana, shop_course.en).percent == 100

    extra = add_lesson(shop_course.en, "Going further", "going-further")
    state = course_progress(ana, shop_course.en)
    assert (state.completed, state.total, state.percent) == (2, 3, 66)
    assert "66% complete" in page_text(client, shop_course.en)

    extra.unpublish()
    assert course_progress(ana, shop_course.en).percent == 100

    shop_course.paid_lesson.unpublish()  # a completed lesson leaves the count too
    state = course_progress(ana, shop_course.en)
    assert (state.completed, state.total) == (1, 1)


def test_a_lesson_completed_in_english_counts_in_spanish(client, shop_course):
    ana = enrolled_learner(shop_course)
    client.force_login(ana)
    client.post(complete_url(shop_course.paid_lesson))
    assert "50 % completado" in page_text(client, shop_course.es)


def test_continue_where_you_left_off_points_at_the_last_visited_lesson(
    client, shop_course
):
    ana = enrolled_learner(shop_course)
    client.force_login(ana)
    assert "Start the course" in page_text(client, shop_course.en)

    page_text(client, shop_course.paid_lesson)  # opened, not completed
    body = page_text(client, shop_course.en)
    assert "Continue where you left off" in body
    assert f'href="{shop_course.paid_lesson.url}"' in body

    client.post(complete_url(shop_course.paid_lesson))
    body = page_text(client, shop_course.en)
    assert f'href="{shop_course.free_lesson.url}"' in body  # next incomplete


def test_lesson_page_offers_mark_as_complete_then_ticks_it(client, shop_course):
    ana = enrolled_learner(shop_course)
    client.force_login(ana)
    body = page_text(client, shop_course.paid_lesson)
    assert "Mark as complete" in body
    assert "csrfmiddlewaretoken" in body
    assert "Course outline" in body

    response = client.post(complete_url(shop_course.paid_lesson))
    assert response.status_code == 302
    body = page_text(client, shop_course.paid_lesson)
    assert "You completed this lesson." in body
    assert "(completed)" in body


def test_learners_not_enrolled_cannot_keep_progress(client, shop_course):
    from tests.support.commerce import make_learner

    stranger = make_learner(email="stranger@example.com")
    client.force_login(stranger)
    response = client.post(complete_url(shop_course.free_lesson))
    assert response.status_code == 403
    page_text(client, shop_course.free_lesson)  # free preview: open, not tracked
    assert "Mark as complete" not in page_text(client, shop_course.free_lesson)
    assert not LessonProgress.objects.filter(user=stranger).exists()


def test_anonymous_and_get_requests_cannot_complete_lessons(client, shop_course):
    url = complete_url(shop_course.free_lesson)
    assert client.post(url).status_code == 302  # to the login page
    ana = enrolled_learner(shop_course)
    client.force_login(ana)
    assert client.get(url).status_code == 405
    assert client.post(complete_url(shop_course.en)).status_code == 404
    assert not LessonProgress.objects.exists()


def test_my_courses_shows_progress(client, shop_course):
    ana = enrolled_learner(shop_course)
    client.force_login(ana)
    client.post(complete_url(shop_course.free_lesson))
    body = client.get("/en/my/courses/").content.decode()
    assert "50% complete" in body
    assert "Continue where you left off" in body
    assert "Deep practice" in body
