"""Replace Wagtail's welcome page with an English and a Spanish home page.

Both share one translation key, so the Spanish home page is the translation of the
English one and the site (rooted at the English page) serves `/es/` from it.
"""

import uuid

from django.db import migrations


def create_homepages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    english, _ = Locale.objects.get_or_create(language_code="en")
    spanish, _ = Locale.objects.get_or_create(language_code="es")

    Page.objects.filter(depth=2, slug="home").exclude(
        content_type__app_label="home"
    ).delete()
    if HomePage.objects.exists():
        return

    content_type, _ = ContentType.objects.get_or_create(
        model="homepage", app_label="home"
    )
    translation_key = uuid.uuid4()
    pages = {}
    for position, (locale, title, slug) in enumerate(
        [(english, "Home", "home"), (spanish, "Inicio", "inicio")], start=1
    ):
        pages[locale.language_code] = HomePage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            path=f"0001{position:04d}",
            depth=2,
            numchild=0,
            url_path=f"/{slug}/",
            locale=locale,
            translation_key=translation_key,
            live=True,
        )
    Page.objects.filter(depth=1).update(numchild=2)

    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", root_page=pages["en"], is_default_site=True
    )


def remove_homepages(apps, schema_editor):
    apps.get_model("home.HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_homepages, remove_homepages)]
