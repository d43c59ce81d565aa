"""Settings shared by every environment; each value comes from the environment.

`dev`, `test` and `production` import this module and change only what differs.
Without `DATABASE_URL` / `REDIS_URL` the site runs on an embedded default: a SQLite
file under `var/` and an in-process cache.
"""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from mystic.settings import env
from mystic.settings.files import s3_storages

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env.get("SECRET_KEY")
DEBUG = env.get_bool("DEBUG", False)
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
APP_VERSION = env.get("APP_VERSION", "0.1.0")

INSTALLED_APPS = [
    "accounts",
    "cms",
    "cms.publishing",
    "operations.vitals",
    "home",
    "commerce",
    "events",
    "learning",
    "downloads",
    "search",
    "speedups",
    "operations",
    "background",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.AccountsUsersAppConfig",  # wagtail.users with our user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "corsheaders",
]

MIDDLEWARE = [
    "operations.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "operations.security.SecurityHeadersMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "operations.ratelimit.ApiRateLimitMiddleware",
    "speedups.page_cache.AnonymousPageCacheMiddleware",
    "operations.private_responses.PrivateResponsesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "operations.locale_redirects.StorefrontLocaleMiddleware",
    "operations.not_allowed.NotAllowedPageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.publishing.read_only.ReadingRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: its check runs after CSRF's, on the form CSRF has already read.
    "operations.nul_bytes.RejectNulBytesMiddleware",
]

ROOT_URLCONF = "mystic.urls"

# Security headers on every response (see operations/security.py for the admin's CSP).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [
        CSP.SELF,
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
    # The cart adds the configured Checkout host (commerce.views, conf).
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# Wagtail's admin relies on inline styles and scripts of its own.
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", "https:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF, "https:"],
    "frame-ancestors": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# CORS: only the JSON API, only for the configured origins.
CORS_ALLOWED_ORIGINS = env.get_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"

# Rate limits (operations/ratelimit.py): counted in the cache, i.e. Redis in production.
API_RATE_LIMIT_PER_MINUTE = env.get_int("API_RATE_LIMIT_PER_MINUTE", 100)
TRUSTED_PROXY_COUNT = env.get_int("TRUSTED_PROXY_COUNT", 0)

# Full-page cache for anonymous visitors (speedups/page_cache.py); 0 switches it off.
PAGE_CACHE_SECONDS = env.get_int("PAGE_CACHE_SECONDS", 300)
# Shared parts of pages for every reader, signed in or not (speedups/render_cache.py);
# purged with the page cache; 0 switches it off.
RENDER_CACHE_SECONDS = env.get_int("RENDER_CACHE_SECONDS", 6 * 60 * 60)
# The router and the per-process memories (speedups/); each can be switched off,
# and the site answers the same (decisions 0072-0074).
SPEEDUPS_ROUTER = env.get_bool("SPEEDUPS_ROUTER", True)
SPEEDUPS_LOCALE_MEMO = env.get_bool("SPEEDUPS_LOCALE_MEMO", True)
SPEEDUPS_SITE_MEMO = env.get_bool("SPEEDUPS_SITE_MEMO", True)
# How long "may this user open the admin" is remembered (accounts/admin_access.py).
USERBAR_ACCESS_SECONDS = env.get_int("USERBAR_ACCESS_SECONDS", 300)
PAGE_CACHE_SITEWIDE_MODELS = [
    # A page made private (or public) must stop (or start) being served cached.
    "wagtailcore.PageViewRestriction",
    "cms.Category",
    "cms.Instructor",
    "commerce.Product",
    "commerce.Price",
]
WSGI_APPLICATION = "mystic.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: persistent connections, because opening one per request costs 2.6x.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env.get_int("DB_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
# PostgreSQL plans a query once per connection, not on every request: psycopg's
# prepared statements (after 5 runs of the same SQL) need server-side binding.
# Django leaves them off for transaction-pooling PgBouncer; set
# DB_PREPARED_STATEMENTS=false behind one (docs/operations.md).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env.get_bool(
    "DB_PREPARED_STATEMENTS", True
):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
# SQLite (`make run`) is shared by the server, the task worker and the scheduler:
# WAL lets pages be read while the worker writes, IMMEDIATE transactions take the
# write lock up front (no "database is locked" half-way through), and a writer
# waits up to 20 s for it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        transaction_mode="IMMEDIATE",
        timeout=20,
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
BACKUP_DIR = Path(env.get("BACKUP_DIR", str(VAR_DIR / "backups")))
# Days of dumps kept on this machine, and of their copies in the object store
# (STORAGES["backups"], with S3_BUCKET; the guide keeps 30 days).
BACKUP_KEEP_DAYS = env.get_int("BACKUP_KEEP_DAYS", 14)
BACKUP_OFFSITE_KEEP_DAYS = env.get_int("BACKUP_OFFSITE_KEEP_DAYS", 30)

# Cache (and with it sessions and rate limits): Redis when REDIS_URL is set.
REDIS_URL = env.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.get("CACHE_KEY_PREFIX", "mystic"),
            "TIMEOUT": 300,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # Fail fast: a dead Redis must not hang requests or the health check.
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                # Pages keep rendering when Redis is down (misses, logged); rate
                # limits and the health check notice and apply their own policy.
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "mystic-courses",
        }
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation"
        ".UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "name", "first_name", "last_name")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# Accounts (django-allauth): email is the login.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
# Mandatory: with it, ACCOUNT_PREVENT_ENUMERATION covers sign-up too. A sign-up
# with a registered address gets the same "verify your email" page, and the
# owner an "account already exists" email; the address is proved before sign-in.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True  # same browser: signed in on confirming
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
# Learner accounts (accounts/, docs/decisions/0020-learner-accounts-with-allauth.md).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]  # + name: our form
ACCOUNT_CHANGE_EMAIL = True  # the new address replaces the old once verified
ACCOUNT_SESSION_REMEMBER = None  # "remember me" checkbox on the login form
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_RATE_LIMITS = {
    # Failed logins: 5 per 15 minutes per account and per IP; checked before the
    # password, so the 6th attempt is refused even with the right one.
    "login_failed": "5/15m/ip,5/15m/key",
    "signup": "3/h/ip",  # per address: accounts.ratelimits (allauth has no key)
    "reset_password": "3/h/ip,3/h/key",
}
ALLAUTH_TRUSTED_PROXY_COUNT = env.get_int("TRUSTED_PROXY_COUNT", 0)
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
PASSWORD_RESET_TIMEOUT = 60 * 60  # reset links work for one hour
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30  # "remember me": 30 days
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Outgoing mail is queued (accounts.OutgoingEmail) and retried by send_queued_email.
OUTBOX_MAX_ATTEMPTS = env.get_int("OUTBOX_MAX_ATTEMPTS", 8)
# Background work (decision 0090): Django's Tasks framework on the database
# backend. An enqueue is a row written in the caller's transaction (a rolled-back
# transaction enqueues nothing); `manage.py db_worker` runs them and
# `manage.py run_scheduler` enqueues the periodic jobs below. Wagtail's own tasks
# (reference index, image renditions, cache purges) use the same backend.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# The worker counts as silent (and /api/health answers 503) after this long
# without a heartbeat, or when the oldest ready task has waited this long.
WORKER_SILENT_AFTER_SECONDS = env.get_int("WORKER_SILENT_AFTER_SECONDS", 300)
# A task still running this long after it started lost its worker: it is marked
# failed (background/stalled.py). Longer than any task takes (backups included).
TASK_STALLED_AFTER_SECONDS = env.get_int("TASK_STALLED_AFTER_SECONDS", 3600)
# Finished task rows are deleted after this many days (failed ones after 30).
TASK_RESULT_RETENTION_DAYS = env.get_int("TASK_RESULT_RETENTION_DAYS", 14)
# Periodic jobs for `manage.py run_scheduler` (background/schedule.py): a task's
# dotted path, and either `every` (seconds) or `at` ("HH:MM", daily, TIME_ZONE).
SCHEDULED_JOBS = {
    "heartbeat": {"task": "background.jobs.heartbeat", "every": 60},
    "publish_scheduled": {"task": "background.jobs.publish_scheduled", "every": 60},
    "event_reminders": {"task": "events.tasks.send_event_reminders", "every": 900},
    "lapsed_offers": {"task": "events.tasks.pass_lapsed_offers", "every": 300},
    "overdue_emails": {"task": "accounts.tasks.send_overdue_emails", "every": 600},
    "stalled_tasks": {"task": "background.jobs.fail_stalled_tasks", "every": 600},
    "nightly_backup": {"task": "operations.tasks.nightly_backup", "at": "03:15"},
    "prune_task_results": {"task": "background.jobs.prune_task_results", "at": "04:30"},
    "forget_sent_emails": {"task": "accounts.tasks.forget_sent_emails", "at": "04:45"},
}

# Staff reset passwords through the storefront (rate-limited), not the admin.
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Languages: English (default) and Spanish, every public URL under /en/ or /es/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.get("TIME_ZONE", "Europe/Madrid")
USE_I18N = True
USE_TZ = True

# Static files: hashed and compressed by WhiteNoise; media on the default storage.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", str(BASE_DIR / "media")))
PRIVATE_MEDIA_ROOT = Path(env.get("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Files only buyers and enrolled learners fetch, through the app's streaming
    # view (operations/streaming.py): no URL of their own (downloads/storage.py).
    "private": {
        "BACKEND": "operations.private_storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Signed download links (downloads/links.py): on "My downloads", in the receipt.
DOWNLOAD_LINK_SECONDS = env.get_int("DOWNLOAD_LINK_SECONDS", 15 * 60)
DOWNLOAD_EMAIL_LINK_SECONDS = env.get_int("DOWNLOAD_EMAIL_LINK_SECONDS", 7 * 86400)
# An S3-compatible object store (django-storages) for public and private files
# when S3_BUCKET is set: app servers then keep no files (docs/operations.md).
S3_BUCKET = env.get("S3_BUCKET")
if S3_BUCKET:
    STORAGES.update(
        s3_storages(
            bucket=S3_BUCKET,
            private_bucket=env.get("S3_PRIVATE_BUCKET") or S3_BUCKET,
            endpoint_url=env.get("S3_ENDPOINT_URL") or None,
            region=env.get("S3_REGION") or None,
            access_key=env.get("S3_ACCESS_KEY_ID") or None,
            secret_key=env.get("S3_SECRET_ACCESS_KEY") or None,
            public_domain=env.get("S3_PUBLIC_DOMAIN") or None,
            backup_bucket=env.get("BACKUP_BUCKET") or None,
        )
    )

# Email: SMTP when EMAIL_HOST is set; dev overrides with the console.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env.get_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", env.get("EMAIL_USER"))
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", env.get("EMAIL_PASSWORD"))
EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env.get_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env.get("EMAIL_FROM", "Mystic Courses <hello@mystic.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Stripe: the real SDK; STRIPE_API_BASE points it at a local stand-in when set.
STRIPE_SECRET_KEY = env.get("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env.get("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env.get("STRIPE_WEBHOOK_SECRET")
STRIPE_API_BASE = env.get("STRIPE_API_BASE")

# Wagtail.
WAGTAIL_SITE_NAME = "Mystic Courses"
# The admin loads nothing from other sites: Wagtail's default avatar instead of
# Gravatar's (blocked by ADMIN_CSP), and no release check against wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# New translations start as drafts; cms.publishing keeps them behind their source.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# No autosave (Wagtail 8 saves every 500 ms by default). On "new course" it turned
# an abandoned form into a hidden draft whose slug blocked the next try, and a
# "Submit" pressed while an autosave was creating the page posted a second create
# of the same slug, which failed (500). Editors save with "Save draft".
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "operations.request_log.JsonLineFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "json": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "mystic.requests": {
            "handlers": ["json"],
            "level": env.get("REQUEST_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
    },
}

# Sentry: only when a DSN is given.
SENTRY_DSN = env.get("SENTRY_DSN")
if SENTRY_DSN:
    from operations.observability import init_sentry

    init_sentry(
        dsn=SENTRY_DSN,
        environment=env.get("SENTRY_ENVIRONMENT", "production"),
        release=env.get("SENTRY_RELEASE", APP_VERSION),
        traces_sample_rate=env.get_float("SENTRY_TRACES_SAMPLE_RATE", 0.0),
    )
