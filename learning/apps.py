from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    label = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from accounts import personal_data
        from learning import privacy

        personal_data.register(
            "learning", exporter=privacy.export_learning, eraser=privacy.forget_learning
        )
