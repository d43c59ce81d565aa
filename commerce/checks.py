"""Deploy checks for payments: real Stripe keys, never the local stand-in.

`manage.py check --deploy` is the operator's gate before a release; without
these checks production passed it with no Stripe keys and then answered 500 at
checkout.
"""

from django.conf import settings
from django.core import checks

REQUIRED_STRIPE_SETTINGS = {
    "STRIPE_SECRET_KEY": "commerce.E002",
    "STRIPE_WEBHOOK_SECRET": "commerce.E003",
}


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


@checks.register(checks.Tags.security, deploy=True)
def stripe_keys_set(app_configs, **kwargs):
    """Checkout needs the secret key; fulfilment needs the webhook secret."""
    if getattr(settings, "STRIPE_STANDIN", False):
        return []  # development: the stand-in makes its own keys (E001 in prod)
    return [
        checks.Error(
            f"{name} is not set: checkout cannot take payments without it.",
            hint=f"Set the {name} environment variable (Stripe dashboard).",
            id=check_id,
        )
        for name, check_id in REQUIRED_STRIPE_SETTINGS.items()
        if not getattr(settings, name, None)
    ]
