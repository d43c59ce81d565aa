"""Read-only page access for people who review drafts but never edit (Marketing).

Wagtail 8 has no "view" page permission: its editor, preview panel and revision
previews open only for people who may edit. Draft readers (the
`publishing.preview_page_drafts` permission) get the editor anyway, held shut by
a lock that applies to them alone, the same mechanism Wagtail uses when someone
else locked a page: every field shows, the preview panel works in every mode and
size, and saving, publishing, submitting, locking, copying and deleting are
refused. They find pages through the explorer thanks to a "lock" page permission
on the root, which this tester turns back off for them. Wagtail's preview view
first asks the page policy whether the user "changes" pages at all; the policy
below says yes for draft readers, and each page's tester answers the rest.
"""

import re
from contextvars import ContextVar

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.locks import BaseLock
from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

READ_DRAFTS_PERMISSION = "publishing.preview_page_drafts"
# Only requests that read let draft readers past `can_edit`: GET/HEAD, and the
# preview panel's POST of the form (kept in the session, never saved to the page).
# Any other POST, the page editor's or wagtail-localize's, finds them unable to
# edit. Outside a request nobody reads drafts this way.
PREVIEW_POST = re.compile(r"^/admin/pages/\d+/edit/preview/$")
_reading_request = ContextVar("draft_reader_reading_request", default=False)


class ReadingRequestMiddleware:
    """Notes whether the current request only reads (see PREVIEW_POST)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reading = request.method in ("GET", "HEAD") or (
            request.method == "POST" and PREVIEW_POST.match(request.path)
        )
        token = _reading_request.set(bool(reading))
        try:
            return self.get_response(request)
        finally:
            _reading_request.reset(token)


def edits_page(user, page):
    """Wagtail's own answer: may `user` change `page`?"""
    return PagePermissionTester(user, page).can_edit()


def reads_only(user, page):
    """May `user` read `page`'s drafts without being allowed to change it?"""
    return (
        user.is_active
        and not page.is_root()
        and user.has_perm(READ_DRAFTS_PERMISSION)
        and not edits_page(user, page)
    )


class DraftReaderPermissionTester(PagePermissionTester):
    """Lets draft readers into the editor and previews; nothing that changes."""

    def can_edit(self):
        return super().can_edit() or (
            _reading_request.get() and reads_only(self.user, self.page)
        )

    def can_lock(self):
        return super().can_lock() and not reads_only(self.user, self.page)

    def can_unlock(self):
        return super().can_unlock() and not reads_only(self.user, self.page)

    def can_copy(self):
        return edits_page(self.user, self.page)


class ReadOnlyLock(BaseLock):
    """The editor's lock for draft readers.

    Wagtail asks a page for its lock without saying for whom, so everyone else
    gets Wagtail's own "Unlocked" wording from it.
    """

    def for_user(self, user):
        return reads_only(user, self.object)

    def get_icon(self, user):
        return "view" if self.for_user(user) else "lock-open"

    def get_locked_by(self, user):
        return _("Read-only") if self.for_user(user) else _("Unlocked")

    def get_message(self, user):
        if not self.for_user(user):
            return None
        return format_html(
            "<b>{}</b> {}",
            _("Read-only."),
            _("You can preview this page and its revisions and share its draft."),
        )

    def get_description(self, user):
        if self.for_user(user):
            return _("You can preview this page but not change it.")
        return _(
            "Anyone can edit this %(model_name)s – lock it to prevent others "
            "from editing"
        ) % {"model_name": self.model_name}


class DraftReadersMixin:
    """On every page type: the tester and lock above."""

    def permissions_for_user(self, user):
        return DraftReaderPermissionTester(user, self)

    def get_lock(self):
        return super().get_lock() or ReadOnlyLock(self)


class DraftReaderPagePolicy(PagePermissionPolicy):
    """Wagtail's page policy; "change" somewhere includes reading drafts."""

    def user_has_any_permission(self, user, actions):
        if (
            "change" in actions
            and user.is_active
            and user.has_perm(READ_DRAFTS_PERMISSION)
        ):
            return True
        return super().user_has_any_permission(user, actions)


def draft_reader_page_policy():
    return DraftReaderPagePolicy(Page)
