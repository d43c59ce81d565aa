from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    label = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_save

        from accounts import personal_data
        from learning import privacy, reviews

        post_save.connect(
            reviews.forget_reviewer,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="learning_forget_reviewer",
        )

        personal_data.register(
            "learning", exporter=privacy.export_learning, eraser=privacy.forget_learning
        )
