"""Commerce settings with their defaults, read in one place.

Every knob can be overridden in Django settings; the defaults are what a newcomer
expects (English pays in US dollars, Spanish in euros).
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings

STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com"


def currency_by_language():
    """Language code → ISO 4217 currency shown and charged in that language."""
    return getattr(
        settings, "COMMERCE_CURRENCY_BY_LANGUAGE", {"en": "USD", "es": "EUR"}
    )


def default_currency():
    return getattr(settings, "COMMERCE_DEFAULT_CURRENCY", "USD")


def shop_currencies():
    """The currencies the shop charges in, the only ones worth pricing."""
    return sorted({*currency_by_language().values(), default_currency()})


def checkout_rate_limit():
    """(checkouts, seconds): how many checkouts a learner may start per window."""
    return getattr(settings, "COMMERCE_CHECKOUT_RATE_LIMIT", (10, 3600))


def hold_lifetime():
    """How long seats are held for an unpaid order: the Checkout Session's life.

    Stripe's shortest session is 30 minutes; one more minute lets the session
    be created after the hold without Stripe refusing its `expires_at`.
    """
    minutes = getattr(settings, "COMMERCE_HOLD_MINUTES", 31)
    return timedelta(minutes=max(int(minutes), 31))


def staff_order_emails():
    """Who receives the new-order notice; defaults to the site's staff address."""
    emails = getattr(settings, "COMMERCE_STAFF_EMAILS", None)
    if emails is None:
        return [settings.SERVER_EMAIL]
    return list(emails)


def order_number_prefix():
    return getattr(settings, "COMMERCE_ORDER_PREFIX", "MC")


def standin_enabled():
    """True only where settings opt in (development, tests); never production."""
    return bool(getattr(settings, "STRIPE_STANDIN", False))


def checkout_origin():
    """Where checkout sends the learner to pay: Stripe's hosted Checkout, or the
    Stripe-compatible server `STRIPE_API_BASE` points at (the stand-in serves
    its checkout page on the same origin as its API). Read per request, so the
    page's CSP follows whatever the settings say now."""
    base = getattr(settings, "STRIPE_API_BASE", None)
    if not base:
        return STRIPE_CHECKOUT_ORIGIN
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}"
