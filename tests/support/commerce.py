"""Fixtures for the commerce tests: a bilingual course with prices, learners,
and the Stripe stand-in wired into settings.

The fixtures (`shop_course`, `shop_learner`, `stripe_standin`) are registered in
tests/conftest.py.
"""

from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from wagtail.models import Locale
from wagtail.rich_text import RichText

from tests.fakes import stripe_server

WEBHOOK_SECRET = "whsec_test_commerce"  # noqa: S105


@dataclass
class Course:
    en: object
    es: object
    free_lesson: object
    paid_lesson: object
    paid_lesson_es: object
    product: object


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, title):
    translated = page.copy_for_translation(locale)
    translated.title = translated.draft_title = title
    translated.slug = f"{page.slug}-{locale.language_code}"
    return publish(translated)


def build_course(
    home, title="Breathing Basics", usd=4900, eur=4500, slug=None, title_es=None
):
    """English course (+ Spanish translation) with a free and a paid lesson."""
    from cms.models import CourseIndexPage, CoursePage, LessonPage
    from commerce.models import Price, Product

    es = Locale.objects.get(language_code="es")
    index = CourseIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        index = home.add_child(
            instance=CourseIndexPage(title="Courses", slug="courses")
        )
        publish(index)
        translate(index, es, "Cursos")
    slug = slug or title.lower().replace(" ", "-")
    course = index.add_child(
        instance=CoursePage(title=title, slug=slug, summary=f"About {title}.")
    )
    publish(course)
    free = course.add_child(
        instance=LessonPage(
            title="Welcome",
            slug="welcome",
            is_free_preview=True,
            body=[("rich_text", RichText("<p>FREE-BODY-TEXT</p>"))],
        )
    )
    publish(free)
    paid = course.add_child(
        instance=LessonPage(
            title="Deep practice",
            slug="deep-practice",
            body=[("rich_text", RichText("<p>PAID-BODY-SECRET</p>"))],
        )
    )
    publish(paid)
    course_es = translate(course, es, title_es or f"{title} (ES)")
    translate(free, es, "Bienvenida")
    paid_es = translate(paid, es, "Práctica profunda")
    product = Product.objects.create(course_page=course)
    if usd is not None:
        Price.objects.create(product=product, currency="USD", amount_minor=usd)
    if eur is not None:
        Price.objects.create(product=product, currency="EUR", amount_minor=eur)
    return Course(course, course_es, free, paid, paid_es, product)


PASSWORD = "a-long-password-1"  # noqa: S105


def make_learner(email="ana@example.com", verified=True, password=PASSWORD):
    from accounts.models import User

    user = User.objects.create_user(email=email, password=password, name="Ana")
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


@pytest.fixture
def shop_course(site_tree):
    from django.core.cache import cache

    cache.clear()  # Wagtail caches site root paths; rolled-back ids go stale
    yield build_course(site_tree)
    cache.clear()  # leave no paths of rolled-back pages to later tests


@pytest.fixture
def shop_learner(db):
    return make_learner()


@pytest.fixture
def stripe_standin(settings):
    """The Stripe stand-in on a free port, with the settings pointing at it.

    Webhooks go to `settings.SITE_URL` + the webhook path unless a test sets
    `standin.webhook_url` (e.g. to a live server).
    """
    server = stripe_server.start(WEBHOOK_SECRET)
    settings.STRIPE_SECRET_KEY = "sk_test_commerce"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = server.base_url
    settings.STRIPE_STANDIN = True
    yield server
    server.stop()
