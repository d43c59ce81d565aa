"""Course levels: a choice list the models and the catalog's filters share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")
    ALL = "all", _("All levels")
