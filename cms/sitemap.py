"""sitemap.xml for both language trees, each URL with its hreflang alternates.

Wagtail's own sitemap only walks the default site's root page (the English home),
so Spanish pages would be missing. Here every live, public page under any
translation of the site's root is listed (none under a non-live page: it is not
served), and each entry names its translations
(`<xhtml:link rel="alternate" hreflang>`) plus an `x-default` pointing to English.
Pages of a listed kind (cms.listing: courses, events, downloads) appear only
while their kind's own rule lists them: a cancelled or past event is left out.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms import listing
from cms.models.querysets import without_unpublished_ancestors
from cms.seo import absolute_page_url


class BilingualSitemap(Sitemap):
    limit = 5000

    def items(self):
        site = self.get_wagtail_site()
        roots = list(site.root_page.get_translations(inclusive=True))
        queryset = Page.objects.none()
        for root in roots:
            queryset |= Page.objects.descendant_of(root, inclusive=True)
        for kind in listing.kinds():
            unlisted = kind.model.objects.exclude(
                pk__in=kind.listable(None).order_by().values("pk")
            )
            queryset = queryset.exclude(pk__in=unlisted.values("pk"))
        return (
            without_unpublished_ancestors(queryset.live().public())
            .order_by("path")
            .select_related("locale")
            .only(
                "id",
                "path",
                "depth",
                "url_path",
                "translation_key",
                "locale",
                "last_published_at",
                "latest_revision_created_at",
            )
        )

    def get_latest_lastmod(self):
        """One aggregate query, not a walk over every page (Django's default)."""
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        keys = {item.translation_key for item in items}
        siblings = defaultdict(list)
        for other in (
            self.items()
            .filter(translation_key__in=keys)
            .order_by("locale__language_code")
        ):
            siblings[other.translation_key].append(other)
        default_language = settings.LANGUAGE_CODE
        urls, last_mods = [], set()
        for item in items:
            alternates = [
                {
                    "lang_code": other.locale.language_code,
                    "location": absolute_page_url(other, self.request),
                }
                for other in siblings[item.translation_key]
            ]
            default = next(
                (a for a in alternates if a["lang_code"] == default_language), None
            )
            if default:
                alternates.append(
                    {"lang_code": "x-default", "location": default["location"]}
                )
            lastmod = item.last_published_at or item.latest_revision_created_at
            urls.append(
                {
                    "item": item,
                    "location": absolute_page_url(item, self.request),
                    "lastmod": lastmod,
                    "alternates": alternates if len(alternates) > 2 else [],
                }
            )
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


SITEMAPS = {"pages": BilingualSitemap}
