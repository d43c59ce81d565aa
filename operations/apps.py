from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Health, request logs, security headers, rate limits, Sentry and backups."""

    name = "operations"
