from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    """Background work: the periodic-job scheduler, worker heartbeats, queue status.

    Tasks themselves live beside the code they run (`accounts/tasks.py`,
    `events/tasks.py`, ...); this app only knows them by dotted path (settings).
    """

    name = "background"
    default_auto_field = "django.db.models.BigAutoField"
