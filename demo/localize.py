"""Create real wagtail-localize translations from known English→Spanish pairs.

The demo's Spanish pages are not copies with edited fields: each goes through
wagtail-localize (a `TranslationSource`, a `Translation` and one `StringTranslation`
per text segment), exactly as if a translator had typed them in its editor. So
editors can open "Translate" / "Sync translated pages" on any demo page and see
the Spanish strings, and structural fields stay synchronised from English.
"""

from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate(instance, locale, pairs, *, publish=True):
    """The translation of `instance` into `locale`, created or brought up to date.

    `pairs` maps each English string (as wagtail-localize segments it: one per
    field, paragraph or list item) to its Spanish text; anything missing falls
    back to English. Pages are published only when `publish` is true, and
    directly rather than on commit, so this also works inside a transaction.
    """
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    )
    for segment in segments:
        text = pairs.get(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    is_draftable = isinstance(instance, DraftStateMixin)
    translated, _created = source.create_or_update_translation(
        locale, publish=not is_draftable, fallback=True
    )
    if isinstance(translated, Page) and publish:
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated
