from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommerceConfig(AppConfig):
    name = "commerce"
    verbose_name = _("Shop")

    def ready(self):
        from commerce import checks, personal_data, signals  # noqa: F401

        personal_data.register()
