"""`{% pagefragment "name" [vary_on ...] %}…{% endpagefragment %}`.

Wagtail's `{% wagtailpagecache %}` (the page's `cache_key` and site, skipped in
previews) plus this project's purge generations and the active language, for the
parts of a page that are the same for every reader (cms/render_cache.py). Outside
a page (account pages, the cart) or when fragments are off, the content simply
renders, so base templates can use the tag everywhere.
"""

from django import template
from django.conf import settings
from django.template.exceptions import TemplateSyntaxError
from wagtail.templatetags.wagtail_cache import WagtailPageCacheNode

from cms import render_cache

register = template.Library()

SECONDS_VAR = "pagefragment_seconds"
VERSION_VAR = "pagefragment_version"
OFF_VAR = "pagefragment_off"  # a view's way to say "render this one fresh"


class PageFragmentNode(WagtailPageCacheNode):
    def render(self, context):
        request = context.get("request")
        page = context.get("page")
        if context.get(OFF_VAR) or not render_cache.enabled_for(request, page):
            return self.nodelist.render(context)
        version = render_cache.content_version(request)
        if version is None:
            return self.nodelist.render(context)
        with context.update(
            {SECONDS_VAR: settings.RENDER_CACHE_SECONDS, VERSION_VAR: version}
        ):
            return super().render(context)


@register.tag("pagefragment")
def do_pagefragment(parser, token):
    nodelist = parser.parse(("endpagefragment",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) < 2:
        raise TemplateSyntaxError("'pagefragment' needs a fragment name.")
    name = tokens[1].strip("\"'")
    vary_on = [parser.compile_filter(bit) for bit in tokens[2:]]
    vary_on += [parser.compile_filter(VERSION_VAR)]
    vary_on += [parser.compile_filter("LANGUAGE_CODE")]
    return PageFragmentNode(
        nodelist, parser.compile_filter(SECONDS_VAR), name, vary_on, None
    )
