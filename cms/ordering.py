"""Lesson order is structural: reordering English pages reorders their translations.

wagtail-localize synchronises fields, not tree positions, so without this the
Spanish lessons would keep the order they had when the course was first
translated. When an editor moves a page *within its parent* in the default
language, each translation is moved to the matching position among its own
siblings. Moves to another parent are left alone (translations may live under a
different structure on purpose).
"""

from django.conf import settings
from wagtail.signals import post_page_move


def mirror_sibling_order(sender, instance, parent_page_before, parent_page_after, **kw):
    if parent_page_before.pk != parent_page_after.pk:
        return
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return  # a translation being moved, possibly by us: nothing to mirror
    source_order = list(
        parent_page_after.get_children()
        .order_by("path")
        .values_list("translation_key", flat=True)
    )
    position = source_order.index(instance.translation_key)
    for translation in instance.get_translations():
        parent = translation.get_parent()
        siblings = {
            page.translation_key: page
            for page in parent.get_children().exclude(pk=translation.pk)
        }
        following = next(
            (siblings[key] for key in source_order[position + 1 :] if key in siblings),
            None,
        )
        if following is not None:
            translation.move(following, pos="left")
        else:
            translation.move(parent, pos="last-child")


def connect_signals():
    post_page_move.connect(mirror_sibling_order, dispatch_uid="cms_mirror_order")
