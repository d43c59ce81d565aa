"""Other apps may stop a page going live, with a message the editor can act on.

The catalog knows nothing of prices (decision 0011), yet a course nobody can buy
must not go live. An app registers a Wagtail hook under `GO_LIVE_CHECK_HOOK`: a
function taking the page and returning a list of messages (empty when all is
well). Course edit forms ask every such function when the editor publishes,
submits for review or approves, and show the messages as validation errors, so
nothing typed is lost.
"""

import copy

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm

GO_LIVE_CHECK_HOOK = "check_page_before_going_live"

# The buttons of Wagtail's page editor that lead to the page going live.
GOING_LIVE_BUTTONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
)


def problems_before_going_live(page):
    """What every registered check says is missing before `page` may go live."""
    checks = hooks.get_hooks(GO_LIVE_CHECK_HOOK)
    return [message for check in checks for message in check(page)]


def is_going_live(data):
    """Does this posted editor form ask to publish, submit or approve?"""
    if data.get("action-workflow-action"):
        return data.get("workflow-action-name") == "approve"
    return any(data.get(button) for button in GOING_LIVE_BUTTONS)


class GoLiveCheckedPageForm(WagtailAdminPageForm):
    """The page editor's form, refusing to publish what a go-live check stops."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_bound and is_going_live(self.data):
            page = copy.copy(self.instance)  # a new page has no title until saved
            page.title = cleaned_data.get("title") or page.title
            for message in problems_before_going_live(page):
                self.add_error(None, message)
        return cleaned_data
