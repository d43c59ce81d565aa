"""Outgoing emails in the admin: what was sent, what is waiting, what failed.

Read-only (the worker changes these rows, never a form), for superusers and
anyone given "Can view outgoing email". A failed email shows its attempts and
the mail server's last answer, so staff can tell a learner what happened.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import ModelPermissionPolicy, register_permission_policy

from accounts.models import OutgoingEmail


class OutgoingEmailPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return user.is_active and (
            user.is_superuser or user.has_perm("accounts.view_outgoingemail")
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(OutgoingEmail, OutgoingEmailPolicy(OutgoingEmail))


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outgoing emails")
    add_to_settings_menu = True
    url_prefix = "outgoing-emails"
    name = "accounts_outgoing_email"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "subject",
        "to",
        "status",
        "attempts",
        # A sent or failed email has no next attempt: the column stays empty.
        DateColumn("pending_attempt_at", label=_("Next attempt")),
        DateColumn("sent_at", label=_("Sent")),
        DateColumn("created_at", label=_("Created")),
        Column("last_error", label=_("Last error")),
    ]
    list_filter = ["status"]
    search_fields = ["to", "subject"]
    search_backend_name = None
    ordering = ["-created_at"]
    form_fields = ["status"]
    inspect_view_fields = [
        "to",
        "subject",
        "language",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
    ]


@hooks.register("register_admin_viewset")
def register_outgoing_emails():
    return OutgoingEmailViewSet()
