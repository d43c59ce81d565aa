"""Build courses (and their Spanish translations) for the publishing tests."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale, Page


def catalog(home):
    """The English catalog page under `home`, with its Spanish translation."""
    from cms.models import CourseIndexPage

    index = CourseIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        index = home.add_child(
            instance=CourseIndexPage(title="Courses", slug="courses")
        )
        index.save_revision().publish()
        spanish = index.copy_for_translation(Locale.objects.get(language_code="es"))
        spanish.title, spanish.slug = "Cursos", "cursos"
        spanish.save_revision().publish()
    return index


def draft_course(home, title="Breathing Basics", slug="breathing-basics", priced=True):
    """A course that was never published (priced in every shop currency, as a
    course must be to go live, unless `priced` is False)."""
    from cms.models import CoursePage

    course = catalog(home).add_child(
        instance=CoursePage(
            title=title, slug=slug, summary=f"{title} in ten minutes.", live=False
        )
    )
    course.save_revision()
    if priced:
        set_prices(course, USD=4900, EUR=4500)
    return course


def set_prices(course, **amounts):
    """Shop → Prices for `course`: set_prices(course, USD=4900, EUR=0)."""
    from commerce.models import Price, Product

    product, _ = Product.objects.get_or_create(
        translation_key=course.translation_key, defaults={"course_page": course}
    )
    for currency, amount_minor in amounts.items():
        Price.objects.update_or_create(
            product=product, currency=currency, defaults={"amount_minor": amount_minor}
        )
    return product


def schedule(page, go_live_at, **changes):
    """Save a revision with `go_live_at` and "publish" it: Wagtail schedules it."""
    page = Page.objects.get(pk=page.pk).specific
    page.go_live_at = go_live_at
    for field, value in changes.items():
        setattr(page, field, value)
    revision = page.save_revision()
    revision.publish()
    return revision


def publish(page, **changes):
    page = Page.objects.get(pk=page.pk).specific
    for field, value in changes.items():
        setattr(page, field, value)
    revision = page.save_revision()
    revision.publish()
    return Page.objects.get(pk=page.pk).specific


def spanish_translation(course, title="Respiración básica", slug="respiracion-basica"):
    """A Spanish draft of `course`, as wagtail-localize's first step leaves it."""
    spanish = course.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.title, spanish.draft_title, spanish.slug = title, title, slug
    spanish.save()
    spanish.save_revision()
    return Page.objects.get(pk=spanish.pk).specific


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def in_days(days, hours=0):
    return timezone.now() + timedelta(days=days, hours=hours)


def course_form(course, **overrides):
    """The course page's edit form as the Wagtail admin posts it."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        streamfield,
    )

    data = {
        "title": course.title,
        "slug": course.slug,
        "subtitle": "",
        "summary": course.summary,
        "cover_image": "",
        "cover_image_alt": "",
        "body": streamfield([]),
        "learning_outcomes": streamfield([]),
        "prerequisites": streamfield([]),
        "level": "all",
        "duration_minutes": "30",
        "category": "",
        "course_instructors": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)
