"""Verified reviews: only enrolled learners, one each, shown after moderation,
escaped, labelled with the language they were written in, rated on cards and in
the course's JSON-LD."""

import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import OutgoingEmail
from learning import reviews
from learning.models import Review
from tests.support.commerce import make_learner
from tests.support.learning import enrolled_learner

pytestmark = pytest.mark.django_db


def review_url(course_page):
    return f"/{course_page.locale.language_code}/learn/courses/{course_page.pk}/review/"


def post_review(client, course_page, rating=5, text="Lovely course.", edit=False):
    data = {"rating": rating, "text": text}
    if edit:
        data["edit"] = "1"
    return client.post(review_url(course_page), data)


def course_body(client, course_page):
    response = client.get(course_page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_learners_not_enrolled_cannot_review(client, shop_course):
    client.force_login(make_learner(email="stranger@example.com"))
    response = post_review(client, shop_course.en)
    assert response.status_code == 403
    assert "Only learners enrolled" in response.content.decode()
    assert "Review this course" not in course_body(client, shop_course.en)
    assert not Review.objects.exists()


def test_a_second_review_of_the_same_course_is_refused(client, shop_course):
    client.force_login(enrolled_learner(shop_course))
    assert post_review(client, shop_course.en).status_code == 302
    response = post_review(client, shop_course.es, text="Otra vez")
    assert response.status_code == 409
    assert Review.objects.count() == 1


def test_bad_ratings_are_a_400_not_a_500(client, shop_course):
    client.force_login(enrolled_learner(shop_course))
    assert post_review(client, shop_course.en, rating=9).status_code == 400
    assert post_review(client, shop_course.en, rating="x").status_code == 400
    assert post_review(client, shop_course.en, text="   ").status_code == 400
    assert not Review.objects.exists()


def test_reviews_appear_only_once_approved_with_average_and_histogram(
    client, shop_course
):
    ana = enrolled_learner(shop_course)
    ben = enrolled_learner(shop_course, email="ben@example.com", name="Ben Ode")
    client.force_login(ana)
    post_review(client, shop_course.en, rating=5, text="ANA-WORDS")
    client.force_login(ben)
    post_review(client, shop_course.en, rating=2, text="BEN-WORDS")

    client.logout()
    body = course_body(client, shop_course.en)
    assert "ANA-WORDS" not in body and "BEN-WORDS" not in body
    assert "No reviews yet." in body
    assert "aggregateRating" not in body

    reviews.moderate(Review.objects.get(user=ana), approve=True)
    reviews.moderate(Review.objects.get(user=ben), approve=False)
    body = course_body(client, shop_course.en)
    assert "ANA-WORDS" in body
    assert "BEN-WORDS" not in body
    assert "5.0 out of 5 · 1 review" in body
    assert re.search(r"5 stars</th><td><meter[^>]*value=\"100\"", body)
    assert "Ana G." in body and "García" not in body  # first name and initial

    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    data = json.loads(ld.group(1))
    assert data["aggregateRating"]["ratingValue"] == 5.0
    assert data["aggregateRating"]["reviewCount"] == 1


def test_html_in_review_text_is_escaped(client, shop_course):
    ana = enrolled_learner(shop_course)
    client.force_login(ana)
    post_review(client, shop_course.en, text='<script>alert("x")</script><b>bold</b>')
    reviews.moderate(Review.objects.get(user=ana), approve=True)
    body = course_body(client, shop_course.en)
    assert '<script>alert("x")</script>' not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold" in body


def test_edited_review_goes_back_to_moderation(client, shop_course):
    ana = enrolled_learner(shop_course)
    client.force_login(ana)
    post_review(client, shop_course.en, text="FIRST-WORDS")
    reviews.moderate(Review.objects.get(user=ana), approve=True)
    assert "FIRST-WORDS" in course_body(client, shop_course.en)

    response = post_review(client, shop_course.en, rating=3, text="SECOND", edit=True)
    assert response.status_code == 302
    review = Review.objects.get(user=ana)
    assert (review.status, review.rating) == (Review.PENDING, 3)
    body = course_body(client, shop_course.en)
    assert "SECOND" in body  # in the learner's own edit form…
    assert "Your review is waiting for moderation." in body
    client.logout()
    body = course_body(client, shop_course.en)
    assert "SECOND" not in body and "FIRST-WORDS" not in body  # …not for others


def test_a_spanish_review_shows_on_both_versions_with_its_language(client, shop_course):
    ana = enrolled_learner(shop_course)
    client.force_login(ana)
    post_review(client, shop_course.es, rating=4, text="Muy bueno")
    review = Review.objects.get(user=ana)
    assert review.language == "es"
    reviews.moderate(review, approve=True)
    client.logout()
    for page in (shop_course.en, shop_course.es):
        body = course_body(client, page)
        assert "Muy bueno" in body
        assert '<li class="review" lang="es">' in body
        assert "español" in body


def test_rating_shows_on_course_cards(client, shop_course):
    ana = enrolled_learner(shop_course)
    review = reviews.submit_review(ana, shop_course.en, 4, "Good")
    reviews.moderate(review, approve=True)
    index = shop_course.en.get_parent()
    body = client.get(index.url).content.decode()
    assert "Rated 4.0 out of 5" in body
    assert "(1 review)" in body


def test_moderator_note_is_emailed_to_the_learner(shop_course):
    ana = enrolled_learner(shop_course)
    review = reviews.submit_review(ana, shop_course.en, 1, "Meh")
    reviews.moderate(review, approve=False, note="Please describe the course itself.")
    email = OutgoingEmail.objects.get(to=ana.email)
    assert "About your review of Breathing Basics" in email.subject
    (sent,) = [message for message in mail.outbox if message.to == [ana.email]]
    assert "Please describe the course itself." in sent.body


def test_moderators_approve_in_the_wagtail_admin(client, shop_course):
    from accounts.models import User

    ana = enrolled_learner(shop_course)
    review = reviews.submit_review(ana, shop_course.en, 5, "ADMIN-APPROVED")
    admin = User.objects.create_superuser(email="boss@example.com", password="x" * 12)
    client.force_login(admin)
    index = client.get(reverse("learning_review:index") + "?status=pending")
    assert index.status_code == 200
    assert "Breathing Basics" in index.content.decode()

    edit_url = reverse("learning_review:edit", args=[review.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, {"decision": "approve", "moderation_note": ""})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == Review.APPROVED
    assert review.moderated_by == admin
    assert not OutgoingEmail.objects.filter(to=ana.email).exists()  # no note
    client.logout()
    assert "ADMIN-APPROVED" in course_body(client, shop_course.en)


def test_approved_review_reaches_visitors_served_from_the_page_cache(
    client, shop_course, settings
):
    from django.core.cache import cache

    if "speedups.page_cache.AnonymousPageCacheMiddleware" not in settings.MIDDLEWARE:
        pytest.skip("no anonymous page cache in this build")
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    ana = enrolled_learner(shop_course)
    review = reviews.submit_review(ana, shop_course.en, 4, "Good")
    catalog = shop_course.es.get_parent().url
    client.get(catalog)
    assert client.get(catalog)["X-Page-Cache"] == "hit"

    reviews.moderate(review, approve=True)
    response = client.get(catalog)
    assert response["X-Page-Cache"] == "miss"
    assert "4,0" in response.content.decode()  # Spanish decimals
    cache.clear()


def test_the_moderators_group_moderates_reviews(client, shop_course):
    from django.contrib.auth.models import Group

    from accounts.models import User

    ana = enrolled_learner(shop_course)
    review = reviews.submit_review(ana, shop_course.en, 2, "Too short")
    moderator = User.objects.create_user(email="mo@example.com", password="x" * 12)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    edit_url = reverse("learning_review:edit", args=[review.pk])
    response = client.post(
        edit_url, {"decision": "reject", "moderation_note": "Tell us more, please."}
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == Review.REJECTED
    assert OutgoingEmail.objects.filter(to=ana.email).count() == 1
    assert client.get(reverse("learning_review:add")).status_code in (302, 403, 404)
