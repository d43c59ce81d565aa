"""The language switcher and hreflang links: the same page in the other language.

For a Wagtail page the target is its live translation, or that language's home page
when there is none; for other views Django's `translate_url` swaps the prefix.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

register = template.Library()


def _home_for(language_code, site):
    root = site.root_page if site else None
    if root is None:
        return f"/{language_code}/"
    translated = (
        root.get_translations(inclusive=True)
        .filter(locale__language_code=language_code, live=True)
        .first()
    )
    return translated.url if translated else f"/{language_code}/"


@register.simple_tag(takes_context=True)
def language_links(context):
    """[{code, name, url, current}] for every configured language.

    Worked out once per request: the head's hreflang links and the switcher use it.
    """
    request = context.get("request")
    page = context.get("page") or context.get("self")
    memo = getattr(request, "_language_links", None) if request else None
    if memo is not None and memo[0] is page:
        return memo[1]
    links = _language_links(request, page)
    if request is not None:
        request._language_links = (page, links)
    return links


def _language_links(request, page):
    site = getattr(request, "_wagtail_site", None) if request else None
    if site is None and request is not None:
        from wagtail.models import Site

        site = Site.find_for_request(request)
    current = translation.get_language()
    links = []
    translations = {}
    if isinstance(page, Page) and page.pk:
        for other in (
            page.get_translations(inclusive=True).live().select_related("locale")
        ):
            translations[other.locale.language_code] = other
    for code, _name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        elif isinstance(page, Page) and page.pk:
            url = _home_for(code, site)
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url,
                "current": code == current,
            }
        )
    return links


@register.simple_tag
def absolute_url(request, url):
    """An absolute URL for hreflang/canonical links."""
    if url.startswith("http"):
        return url
    return request.build_absolute_uri(url) if request else url


def active_locale():
    return Locale.get_active()
