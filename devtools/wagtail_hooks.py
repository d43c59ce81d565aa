"""Start the local Stripe stand-in the first time the gateway needs Stripe."""

from django.conf import settings
from wagtail import hooks

from devtools.stripe_standin import ensure_dev_standin


@hooks.register("before_stripe_client")
def start_stripe_standin():
    if getattr(settings, "STRIPE_STANDIN_AUTOSTART", False):
        port = int(settings.STRIPE_API_BASE.rsplit(":", 1)[1].split("/")[0])
        ensure_dev_standin(port, settings.STRIPE_WEBHOOK_SECRET)
