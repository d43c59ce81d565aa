"""Django's LocaleMiddleware, minus its 404 redirect for the unprefixed rooms.

Django answers a 404 without a language prefix by redirecting to the same path
under the visitor's language whenever that path would resolve, and Wagtail's
catch-all page route resolves every path. So `/admin/pages/999999/` went to
`/en/admin/pages/999999/` (a storefront 404 page), and a POST the admin
refuses (Marketing's editing-session ping) bounced there on every ping. The
admin, the API and the other unprefixed addresses (mystic/urls.py) keep their
own 404; storefront paths still find their language.
"""

from django.middleware.locale import LocaleMiddleware

UNPREFIXED = ("/admin/", "/api/", "/documents/", "/i18n/", "/static/", "/media/")


class StorefrontLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
