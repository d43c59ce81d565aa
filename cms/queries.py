"""Bulk reads the page models build on: images with renditions, translations.

A page must cost the same number of SQL queries with 12 courses as with 10,000
(bench/pages.py checks it), so these fetch in bulk. The course questions
themselves are asked of the models (cms/models/querysets.py, page methods).
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model


def images_with_renditions():
    """Images queryset whose renditions come along in one extra query."""
    return get_image_model().objects.prefetch_renditions()


def localize_objects(objects, locale):
    """Each object's version in `locale` (the object itself when untranslated).

    For translatable snippets and pages linked from non-translated relations.
    Keeps the given order; one query whatever the number of objects.
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    model = type(objects[0])
    keys = {obj.translation_key for obj in objects}
    queryset = model.objects.filter(translation_key__in=keys, locale=locale)
    if hasattr(model, "photo"):
        queryset = queryset.prefetch_related(
            Prefetch("photo", queryset=images_with_renditions())
        )
    translated = {obj.translation_key: obj for obj in queryset}
    return [translated.get(obj.translation_key, obj) for obj in objects]
