from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DownloadsConfig(AppConfig):
    name = "downloads"
    verbose_name = _("Downloads")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import listing
        from commerce import entitlements
        from downloads import grants, personal_data, signals  # noqa: F401
        from downloads.models import DownloadPage

        personal_data.register()
        entitlements.register(
            "download",
            entitlements.Entitlement(
                grant=grants.grant,
                revoke=grants.revoke,
                owns=grants.owns,
                receipt=entitlements.Receipt(
                    opened=_("Your downloads are ready."),
                    link_label=_("Your downloads"),
                    url_name="downloads:my_downloads",
                ),
            ),
        )
        listing.register(
            listing.ListingKind(
                key="download",
                label=pgettext_lazy("kind of product", "Download"),
                plural=_("Downloads"),
                model=DownloadPage,
                listable=lambda locale: DownloadPage.objects.listable(
                    locale
                ).for_cards(),
                card_template="downloads/includes/download_card.html",
                position=20,
            )
        )
