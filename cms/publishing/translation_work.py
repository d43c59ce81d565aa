"""New English content shows up as translators' work instead of silently missing.

wagtail-localize translates a page when someone asks ("Translate this page"), so
a lesson added to an already translated course never reaches the Spanish course.
Here: the English pages whose parent is translated into a language but which are
not, listed on the dashboard and named on the translated parent's editor.
"""

from django.conf import settings
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page


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


def missing_children_note(page):
    """For a translated page's editor: which English children it still lacks."""
    from django.utils.translation import gettext

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
            (locale, untranslated_pages(locale.language_code))
            for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
        ]
        user = parent_context["request"].user
        return {
            "work": [(locale, pages) for locale, pages in work if pages],
            "can_start_translations": user.has_perm(
                "wagtail_localize.submit_translation"
            ),
        }
