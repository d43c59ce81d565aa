from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommerceConfig(AppConfig):
    name = "commerce"
    verbose_name = _("Shop")

    def ready(self):
        from commerce import checks, entitlements, personal_data, signals  # noqa: F401
        from commerce.enrollments import enroll, owns, revoke

        personal_data.register()
        entitlements.register(
            "course",
            entitlements.Entitlement(
                grant=enroll,
                revoke=revoke,
                owns=owns,
                receipt=entitlements.Receipt(
                    opened=_("Your courses are open."),
                    link_label=_("Your courses"),
                    url_name="commerce:my_courses",
                ),
            ),
        )
