"""Development: runs with nothing installed but Python (SQLite, local memory cache)."""

from cms.settings import env
from cms.settings.base import *  # noqa: F403
from cms.settings.base import VAR_DIR

DEBUG = env.get_bool("DEBUG", True)
SECRET_KEY = env.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")  # noqa: S105
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
if not env.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
