"""Error reporting to Sentry, switched on only when a DSN is configured."""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration


def init_sentry(*, dsn, environment, release, traces_sample_rate=0.0):
    """Report unhandled errors; never send personal data (no PII)."""
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        traces_sample_rate=traces_sample_rate,
        # No personal data: no user identity, no request bodies.
        data_collection={"user_info": False, "http_bodies": []},
        integrations=[DjangoIntegration()],
    )
