"""Admin entry points for sharing drafts (menu item, page buttons, URLs), and the
guard that keeps pages under an unpublished parent off the site."""

import html

from django.contrib import messages
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from cms.publishing import (
    admin_views,
    read_only,
    scheduling,
    sharing,
    translate_with_subpages,
    translation_work,
)

register_permission_policy(Page, read_only.draft_reader_page_policy())


@hooks.register("register_admin_urls")
def register_translate_with_subpages_url():
    return [
        path(
            "translate/pages/<int:page_id>/",
            translate_with_subpages.TranslateWithSubpagesView.as_view(),
            name="publishing_translate_with_subpages",
        ),
    ]


@hooks.register("register_admin_urls")
def register_share_link_urls():
    return [
        path(
            "share-links/",
            admin_views.index,
            name="publishing_share_links_index",
        ),
        path(
            "share-links/pages/<int:page_id>/",
            admin_views.page_links,
            name="publishing_page_share_links",
        ),
        path(
            "share-links/<int:link_id>/revoke/",
            admin_views.revoke,
            name="publishing_revoke_share_link",
        ),
    ]


class ShareDraftMenuItem(MenuItem):
    def is_shown(self, request):
        return sharing.user_can_share(request.user)


@hooks.register("register_admin_menu_item")
def register_share_drafts_menu_item():
    return ShareDraftMenuItem(
        _("Share drafts"),
        reverse("publishing_share_links_index"),
        icon_name="link",
        order=350,
    )


class ShareDraftButton(PageMenuItem):
    label = _("Share draft")
    icon_name = "link"
    url_name = "publishing_page_share_links"

    def is_shown(self, user):
        return sharing.user_can_share(user, self.page)


@hooks.register("register_page_header_buttons")
def page_header_share_button(page, user, view_name=None, next_url=None):
    yield ShareDraftButton(page=page, priority=66)


@hooks.register("register_page_listing_more_buttons")
def page_listing_share_button(page, user, next_url=None):
    yield ShareDraftButton(page=page, priority=66)


class TranslateWithSubpagesButton(PageMenuItem):
    """A course's "⋯" menu: translate it with all its lessons in one action."""

    label = _("Translate with its subpages")
    icon_name = "wagtail-localize-language"
    url_name = "publishing_translate_with_subpages"

    def is_shown(self, user):
        return translation_work.can_translate_with_subpages(user, self.page)


@hooks.register("register_page_header_buttons")
def page_header_translate_with_subpages_button(
    page, user, view_name=None, next_url=None
):
    yield TranslateWithSubpagesButton(page=page, priority=61)


@hooks.register("register_page_listing_more_buttons")
def page_listing_translate_with_subpages_button(page, user, next_url=None):
    yield TranslateWithSubpagesButton(page=page, priority=61)


@hooks.register("before_serve_page")
def hide_pages_under_unpublished_parents(page, request, serve_args, serve_kwargs):
    """A live lesson of a scheduled, unpublished or expired course is not served.

    Wagtail routes through non-live parents; the course's own URL is a 404, so
    everything under it is too. No query for a page the router found (it
    fetched the ancestors), one otherwise.
    """
    if scheduling.has_unpublished_ancestor(page):
        raise Http404


@hooks.register("before_edit_page", order=-10)
def say_when_a_held_translation_goes_live(request, page):
    """One true sentence above both editors (Wagtail's and wagtail-localize's,
    which runs after this hook) of a translation waiting for its source."""
    if request.method == "GET":
        note = scheduling.held_translation_note(page)
        if note:
            drop_published_message(request, page)
            messages.info(request, note)
        missing = translation_work.missing_children_note(page)
        if missing:
            messages.warning(request, missing)
        english_slug = translation_work.english_slug_note(page)
        if english_slug:
            messages.warning(request, english_slug)


def drop_published_message(request, page):
    """wagtail-localize announces "Published '…' in Spanish." after its publish
    button even when the translation was held: the waiting note replaces it."""
    published = {
        _(text).format(object=str(page), locale=page.locale.get_display_name())
        for text in (
            "Published '{object}' in {locale}.",
            "Published '{object}' in {locale} with missing translations - see below.",
        )
    }
    storage = messages.get_messages(request)
    # wagtail.admin.messages stores the sentence escaped, with a button block.
    kept = [
        message
        for message in storage
        if html.unescape(str(message.message)).strip() not in published
    ]
    # Django's storage has no public "remove": its loaded list is what renders.
    storage._loaded_messages[:] = kept


@hooks.register("construct_homepage_panels")
def add_translation_work_panel(request, panels):
    panels.append(translation_work.TranslationWorkPanel())
