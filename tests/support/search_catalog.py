"""A small bilingual catalog for the search tests, built through Wagtail.

Every page is created and published the way an editor would (so the search
index is kept current by the signal handlers, not by the test), and Spanish
pages are real translations (`copy_for_translation` + publish).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText


def publish(page, **changes):
    page = Page.objects.get(pk=page.pk).specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def translate(page, locale, title, **changes):
    translated = page.copy_for_translation(locale)
    translated.title = translated.draft_title = title
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save()
    return publish(translated)


def category(name, slug, es_name, es_slug):
    from cms.models import Category

    english = Category.objects.create(
        name=name, slug=slug, locale=Locale.objects.get(language_code="en")
    )
    spanish = english.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.name, spanish.slug = es_name, es_slug
    spanish.save()
    return english, spanish


def price(page, usd, eur):
    from commerce.models import Price, Product

    product = Product.objects.create(course_page=page)
    Price.objects.create(product=product, currency="USD", amount_minor=usd)
    Price.objects.create(product=product, currency="EUR", amount_minor=eur)


@dataclass
class Catalog:
    index: object = None
    courses: dict = field(default_factory=dict)


def body(text):
    return [("rich_text", RichText(f"<p>{text}</p>"))]


def build(home):
    """Courses in English and Spanish plus the ones search must never show."""
    from cms.models import CourseIndexPage, CoursePage, LessonPage

    es = Locale.objects.get(language_code="es")
    meditation, meditacion = category(
        "Meditation", "meditation", "Meditación", "meditacion"
    )
    yoga, yoga_es = category("Yoga", "yoga", "Yoga", "yoga")
    index = publish(
        home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    )
    translate(index, es, "Cursos", slug="cursos")
    catalog = Catalog(index=index)

    def course(key, **fields):
        page = index.add_child(instance=CoursePage(**fields))
        page = publish(page)
        catalog.courses[key] = page
        return page

    beginners = course(
        "beginners",
        title="Meditation for Beginners",
        slug="meditation-for-beginners",
        summary="Sit comfortably and learn to rest your attention.",
        body=body("Ten short sessions to start a daily habit."),
        level="beginner",
        duration_minutes=45,
        category=meditation,
    )
    price(beginners, 0, 0)
    catalog.courses["beginners_es"] = translate(
        beginners,
        es,
        "Meditación para principiantes",
        summary="Siéntate cómodamente y aprende a descansar la atención.",
        body=body("Diez sesiones cortas para empezar un hábito diario."),
        category=meditacion,
    )
    mornings = course(
        "mornings",
        title="Gentle Yoga Mornings",
        slug="gentle-yoga-mornings",
        summary="Wake up the body with slow stretches.",
        body=body("Each class ends with a short meditation in stillness."),
        level="intermediate",
        duration_minutes=120,
        category=yoga,
    )
    price(mornings, 4900, 4500)
    catalog.courses["mornings_es"] = translate(
        mornings,
        es,
        "Yoga suave por la mañana",
        summary="Despierta el cuerpo con estiramientos lentos.",
        body=body("Cada clase termina con una breve relajación."),
        category=yoga_es,
    )
    calm = course(
        "calm",
        title="Breathing for Calm",
        slug="breathing-for-calm",
        summary="Slow your breath, settle your mind.",
        level="advanced",
        duration_minutes=200,
        category=meditation,
    )
    price(calm, 9900, 8900)
    publish(
        calm.add_child(
            instance=LessonPage(
                title="Welcome",
                slug="welcome",
                is_free_preview=True,
                body=body("The quokka breath is our free opener."),
            )
        )
    )
    publish(
        calm.add_child(
            instance=LessonPage(
                title="Box breathing",
                slug="box-breathing",
                is_free_preview=False,
                body=body("Only buyers learn the zanzibarian count."),
            )
        )
    )
    catalog.courses["tricky"] = course(
        "tricky",
        title="Tai <Chi> & Qigong",
        slug="tai-chi-qigong",
        summary='Flowing "forms" <b>for</b> balance.',
        level="all",
        duration_minutes=30,
    )

    # Pages no visitor can open: search must never return them.
    draft = index.add_child(
        instance=CoursePage(
            title="Meditation Draft Secrets",
            slug="meditation-draft",
            summary="Not ready.",
            live=False,
        )
    )
    draft.save_revision()
    catalog.courses["draft"] = draft
    scheduled = index.add_child(
        instance=CoursePage(
            title="Meditation Tomorrow",
            slug="meditation-tomorrow",
            summary="Coming soon.",
            live=False,
        )
    )
    scheduled.go_live_at = timezone.now() + timedelta(days=2)
    scheduled.save_revision().publish()
    catalog.courses["scheduled"] = scheduled
    catalog.courses["expiring"] = course(
        "expiring",
        title="Meditation Until Friday",
        slug="meditation-until-friday",
        summary="A limited offer.",
        expire_at=timezone.now() + timedelta(hours=1),
    )
    return catalog
