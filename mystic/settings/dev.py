"""Development: runs with nothing installed but Python (SQLite, local memory cache)."""

from mystic.settings import env
from mystic.settings.base import *  # noqa: F403
from mystic.settings.base import VAR_DIR

DEBUG = env.get_bool("DEBUG", True)
INSTALLED_APPS = [*INSTALLED_APPS, "demo", "devtools"]  # noqa: F405
SECRET_KEY = env.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")  # noqa: S105
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
if not env.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# Payments without Stripe keys: the local Stripe stand-in, TEST MODE (see
# devtools/stripe_standin.py). The gateway starts it on first use, on 127.0.0.1.
if not env.get("STRIPE_SECRET_KEY"):
    STRIPE_STANDIN = True
    STRIPE_STANDIN_AUTOSTART = True
    STRIPE_SECRET_KEY = "sk_test_standin"  # noqa: S105
    STRIPE_WEBHOOK_SECRET = "whsec_standin_dev"  # noqa: S105
    STRIPE_API_BASE = env.get("STRIPE_API_BASE", "http://127.0.0.1:12111")

# Fresh pages while editing templates; `PAGE_CACHE_SECONDS=300 make run` to try it.
PAGE_CACHE_SECONDS = env.get_int("PAGE_CACHE_SECONDS", 0)
RENDER_CACHE_SECONDS = env.get_int("RENDER_CACHE_SECONDS", 0)
