"""Production: refuses to start without what it needs; passes `check --deploy`."""

from mystic.settings import env

env.require("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS")

from mystic.settings.base import *  # noqa: E402, F403

DEBUG = False

SECURE_PROXY_SSL_HEADER = (
    (env.get("SECURE_PROXY_SSL_HEADER"), "https")
    if env.get("SECURE_PROXY_SSL_HEADER")
    else None
)
SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^api/health(/web)?$"]  # balancers probe over plain HTTP
SECURE_HSTS_SECONDS = env.get_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True

# The local Stripe stand-in can never be on in production (checked by
# commerce.checks at `check --deploy` too).
STRIPE_STANDIN = False
STRIPE_STANDIN_AUTOSTART = False
