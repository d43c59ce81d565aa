from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from accounts.admin_login import admin_login
from cms.robots import robots_txt
from cms.sitemap import SITEMAPS
from commerce.webhook_view import stripe_webhook
from operations import health
from operations.favicon import favicon_ico
from operations.vitals import views as vitals_views
from search.urls import api_urlpatterns as search_api_urlpatterns

urlpatterns = [
    path("api/health", health.health, name="health"),
    path("api/health/web", health.web_health, name="health_web"),
    path("api/checkout/webhook", stripe_webhook, name="stripe_webhook"),
    path("api/vitals", vitals_views.collect, name="vitals_collect"),
    *search_api_urlpatterns,  # /api/search/autocomplete
    # Wagtail's login behind the storefront's failed-login limit (accounts).
    path("admin/login/", admin_login),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # SEO: robots.txt and a sitemap index covering both language trees.
    path("robots.txt", robots_txt, name="robots_txt"),
    # Browsers and feed readers ask for /favicon.ico whatever the page says.
    path("favicon.ico", favicon_ico, name="favicon_ico"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("commerce.urls")),  # /cart/, /checkout/, /my/…
    path("", include("events.urls")),  # /book/<id>/, /my/bookings/
    # Draft share links (/<lang>/share/<token>/), before Wagtail's catch-all.
    path("", include("cms.publishing.urls")),
    path("", include("learning.urls")),  # /learn/…, /certificates/verify/…
    path("", include("downloads.urls")),  # /my/downloads/, signed links
    path("", include("search.urls")),  # /en/search/, /es/buscar/
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# allauth's rate-limit refusals: translated 429 page with Retry-After.
handler429 = "accounts.ratelimits.handler429"
# 400 and 500 pages in the language of the URL (operations/error_pages.py).
handler400 = "operations.error_pages.bad_request"
handler500 = "operations.error_pages.server_error"
