from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DownloadsConfig(AppConfig):
    name = "downloads"
    verbose_name = _("Downloads")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from commerce import entitlements
        from downloads import grants, personal_data, signals  # noqa: F401

        personal_data.register()
        entitlements.register(
            "download",
            entitlements.Entitlement(
                grant=grants.grant,
                revoke=grants.revoke,
                receipt=entitlements.Receipt(
                    opened=_("Your downloads are ready."),
                    link_label=_("Your downloads"),
                    url_name="downloads:my_downloads",
                ),
            ),
        )
