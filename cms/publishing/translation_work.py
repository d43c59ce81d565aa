"""New or changed English content shows up as translators' work instead of
silently missing.

wagtail-localize translates a page when someone asks ("Translate this page"), so
a lesson added to an already translated course never reaches the Spanish course,
and an English change reaches it only when someone syncs. Here, per language:
the English pages whose parent is translated but which are not, the English
pages published since their translation was last synced, and the published
translations still at the English address (slug). Listed on the dashboard and
named on the translated page's editor.
"""

from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource


def untranslated_pages(language_code, under=None):
    """English pages missing in `language_code` although their parent has it.

    `under`: only the children of that English page (one course's lessons).
    """
    translated_keys = set(
        Page.objects.filter(locale__language_code=language_code).values_list(
            "translation_key", flat=True
        )
    )
    candidates = Page.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE, depth__gt=2
    ).exclude(translation_key__in=translated_keys)
    if under is not None:
        candidates = candidates.child_of(under)
    candidates = list(candidates.order_by("path"))
    parent_keys = dict(
        Page.objects.filter(
            path__in={page.path[: -Page.steplen] for page in candidates}
        ).values_list("path", "translation_key")
    )
    return [
        page
        for page in candidates
        if parent_keys.get(page.path[: -Page.steplen]) in translated_keys
    ]


def can_translate_with_subpages(user, page):
    """An English page with subpages, not yet in every language, and a user who
    may start translations."""
    return (
        page.numchild > 0
        and page.locale.language_code == settings.LANGUAGE_CODE
        and user.has_perm("wagtail_localize.submit_translation")
        and Locale.objects.exclude(
            id__in=page.get_translations(inclusive=True)
            .filter(alias_of__isnull=True)
            .values("locale_id")
        ).exists()
    )


def changed_since_sync(language_code):
    """(English page, its TranslationSource) for live English pages published
    after their translation into `language_code` was last synced, i.e. work for
    wagtail-localize's "Sync translated pages"."""
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            translations__target_locale__language_code=language_code,
            translations__enabled=True,
        )
    }
    pages = Page.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE,
        live=True,
        translation_key__in=sources,
    ).order_by("path")
    return [
        (page, sources[page.translation_key])
        for page in pages
        if page.last_published_at
        and page.last_published_at > sources[page.translation_key].last_updated_at
    ]


def unpublished_translations(language_code):
    """`language_code` pages never published although their English source is
    live: started translations (e.g. a course's lessons translated with it)."""
    live_english_keys = Page.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE, live=True, depth__gt=2
    ).values("translation_key")
    return list(
        Page.objects.filter(
            locale__language_code=language_code,
            live=False,
            first_published_at__isnull=True,
            translation_key__in=live_english_keys,
        ).order_by("path")
    )


def english_slug_translations(language_code):
    """Live `language_code` pages (not aliases) whose slug is still their English
    source's: their address stays English (/es/cursos/sound-bath-foundations/)."""
    english_slugs = dict(
        Page.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, depth__gt=2
        ).values_list("translation_key", "slug")
    )
    translations = Page.objects.filter(
        locale__language_code=language_code,
        live=True,
        alias_of__isnull=True,
        translation_key__in=english_slugs,
    ).order_by("path")
    return [
        page
        for page in translations
        if page.slug == english_slugs[page.translation_key]
    ]


def english_slug_note(page):
    """For a translation's editor: its address still uses the English slug."""
    if page.locale.language_code == settings.LANGUAGE_CODE or page.alias_of_id:
        return None
    english_slug = (
        Page.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .values_list("slug", flat=True)
        .first()
    )
    if english_slug is None or page.slug != english_slug:
        return None
    note = gettext(
        "The address of this page still uses the English slug “%(slug)s”. "
        "Translate the slug (in the translation editor's Promote tab, or "
        "Promote → Slug here) so the %(language)s address is in %(language)s."
    ) % {"slug": english_slug, "language": page.locale.get_display_name()}
    suggestion = slugify(page.title)
    if suggestion and suggestion != english_slug:
        note += " " + gettext("From the translated title: “%(slug)s”.") % {
            "slug": suggestion
        }
    return note


def missing_children_note(page):
    """For a translated page's editor: which English children it still lacks."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return None
    source = (
        Page.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .only("id", "path", "depth")
        .first()
    )
    if source is None:
        return None
    missing = untranslated_pages(page.locale.language_code, under=source)
    if not missing:
        return None
    return gettext(
        "Needs translation: the English version has pages this one lacks: %(titles)s."
    ) % {"titles": ", ".join(child.title for child in missing)}


class TranslationWorkPanel(Component):
    """Dashboard: English pages waiting for their translation, per language."""

    name = "publishing_translation_work"
    order = 40
    template_name = "publishing/admin/translation_work_panel.html"

    def get_context_data(self, parent_context):
        work = [
            {
                "locale": locale,
                "missing": untranslated_pages(locale.language_code),
                "changed": changed_since_sync(locale.language_code),
                "unpublished": unpublished_translations(locale.language_code),
                "english_slugs": english_slug_translations(locale.language_code),
            }
            for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
        ]
        user = parent_context["request"].user
        english = [
            page
            for language in work
            for page in [*language["missing"], *(p for p, _s in language["changed"])]
        ]
        return {
            # A translator may not edit the English pages: they get the live page.
            "editable_ids": {
                page.pk
                for page in english
                if page.permissions_for_user(user).can_edit()
            },
            "work": [
                language
                for language in work
                if language["missing"]
                or language["changed"]
                or language["unpublished"]
                or language["english_slugs"]
            ],
            "can_start_translations": user.has_perm(
                "wagtail_localize.submit_translation"
            ),
        }
