"""A learner's progress, certificates and reviews travel with their data export
and disappear when they delete their account."""

import pytest

from accounts import personal_data
from learning import reviews
from learning.models import Certificate, LessonProgress, Review
from learning.progress import mark_complete
from tests.support.learning import enrolled_learner

pytestmark = pytest.mark.django_db


def test_export_then_erase_learning_data(client, shop_course):
    ana = enrolled_learner(shop_course)
    mark_complete(ana, shop_course.free_lesson)
    certificate = mark_complete(ana, shop_course.paid_lesson).certificate
    reviews.submit_review(ana, shop_course.en, 5, "Mine")

    exported = personal_data.export_personal_data(ana)["learning"]
    assert len(exported["lesson_progress"]) == 2
    assert exported["certificates"][0]["code"] == certificate.code
    assert exported["reviews"][0]["text"] == "Mine"

    personal_data.delete_account(None, ana)
    assert not LessonProgress.objects.filter(user=ana).exists()
    assert not Certificate.objects.filter(user=ana).exists()
    assert not Review.objects.filter(user=ana).exists()
    assert client.get(f"/en/certificates/verify/{certificate.code}/").status_code == 404
