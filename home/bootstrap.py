"""Make sure the site has its two language trees: locales, home pages, a Site.

The data migration does this on a new database; this function does the same with
the real models for tests (whose transactional flush empties the tables) and for
`seed_demo`, and is safe to call any number of times.
"""

from django.conf import settings
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage

HOME_TITLES = {"en": "Home", "es": "Inicio"}


@transaction.atomic
def ensure_site():
    """Return the English home page, creating whatever of the tree is missing."""
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }
    if Collection.get_first_root_node() is None:  # images and documents live here
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["en"])
    )
    english = HomePage.objects.filter(locale=locales["en"]).first()
    if english is None:
        root.get_children().filter(slug="home").delete()
        root.refresh_from_db()
        english = root.add_child(
            instance=HomePage(
                title=HOME_TITLES["en"], slug="home", locale=locales["en"]
            )
        )
    for code, locale in locales.items():
        if code == "en" or english.has_translation(locale):
            continue
        translated = english.copy_for_translation(locale)
        translated.title = HOME_TITLES.get(code, english.title)
        translated.draft_title = translated.title
        translated.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            site_name=settings.WAGTAIL_SITE_NAME,
            root_page=english,
            is_default_site=True,
        )
    elif site.root_page_id != english.pk or not site.site_name:
        # The admin dashboard is titled with the site's name, else its host name.
        site.root_page = english
        site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
        site.save()
    return english
