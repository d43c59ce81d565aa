from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VitalsConfig(AppConfig):
    name = "operations.vitals"
    label = "vitals"
    verbose_name = _("Web vitals")
    default_auto_field = "django.db.models.BigAutoField"
