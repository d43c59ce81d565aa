"""Downloads in the admin and in the order emails.

Staff read the download log (who, when, which file, IP) under Shop, with the
orders' view permission (Shop staff). The receipt email lists signed links to
what the order bought (`commerce.emails.ORDER_EMAIL_SECTIONS_HOOK`).
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import ModelPermissionPolicy, register_permission_policy

from commerce.emails import ORDER_EMAIL_SECTIONS_HOOK
from commerce.models import OrderEmail
from downloads import grants, links
from downloads.models import DownloadGrant, DownloadLog


class DownloadLogPolicy(ModelPermissionPolicy):
    """Read-only, for whoever may view orders: nobody edits what happened."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return user.is_active and (
            user.is_superuser or user.has_perm("commerce.view_order")
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(DownloadLog, DownloadLogPolicy(DownloadLog))


class DownloadLogViewSet(ModelViewSet):
    model = DownloadLog
    icon = "download"
    menu_label = _("Download log")
    add_to_admin_menu = True
    menu_order = 251
    url_prefix = "downloads/log"
    name = "downloads_log"
    inspect_view_enabled = False
    copy_view_enabled = False
    list_display = [
        Column("user", label=_("Buyer")),
        Column("product", label=_("Product")),
        "file_name",
        "ip_address",
        DateColumn("downloaded_at", label=_("Downloaded at")),
    ]
    list_filter = ["product"]
    search_fields = ["user__email", "file_name", "ip_address"]
    search_backend_name = None
    list_export = ["user", "product", "file_name", "ip_address", "downloaded_at"]
    export_filename = "download-log"
    form_fields = ["file_name"]


@hooks.register("register_admin_viewset")
def register_download_log():
    return DownloadLogViewSet()


@hooks.register(ORDER_EMAIL_SECTIONS_HOOK)
def download_links(order, kind):
    """The receipt's links to what the order bought, in the buyer's language."""
    if kind != OrderEmail.CONFIRMATION or order.user is None:
        return []
    bought = DownloadGrant.objects.active().filter(order=order, user=order.user)
    with translation.override(order.language):
        found = []
        for download in bought.select_related("product"):
            page = grants.page_for(download)
            if page is not None:
                found.append((download, page))
        if not found:
            return []
        seconds = links.email_link_seconds()
        return [
            {
                "html": "downloads/emails/links.html",
                "text": "downloads/emails/links.txt",
                "links": [
                    {"title": page.title, "url": links.make_url(d, page, seconds)}
                    for d, page in found
                ],
                "days": seconds // 86400,
                "my_downloads": reverse("downloads:my_downloads"),
            }
        ]
