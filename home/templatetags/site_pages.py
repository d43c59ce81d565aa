"""The footer's links: the site's standard pages (about, FAQ, legal) in the
reader's language, found in the page tree so editors rename, translate, add or
unpublish them without a template change."""

from django import template
from django.utils import translation

from home.models import StandardPage

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """Live, public standard pages right under the home page of the active
    language, in the editors' order: [{title, url}]."""
    request = context.get("request")
    pages = (
        StandardPage.objects.live()
        .public()
        .filter(depth=3, locale__language_code=translation.get_language())
        .only("id", "title", "url_path", "path", "depth", "locale_id")
        .order_by("path")
    )
    links = [
        {"title": page.title, "url": page.get_url(request=request)} for page in pages
    ]
    return [link for link in links if link["url"]]
