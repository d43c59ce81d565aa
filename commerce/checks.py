"""System check: the Stripe stand-in must never be on outside development/tests."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def standin_off_in_production(app_configs, **kwargs):
    if getattr(settings, "STRIPE_STANDIN", False):
        return [
            checks.Error(
                "STRIPE_STANDIN is on: payments would go to the local test stand-in.",
                hint="Use mystic.settings.production with STRIPE_SECRET_KEY set.",
                id="commerce.E001",
            )
        ]
    return []
