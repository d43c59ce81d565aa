"""`{% pagefragment "name" [vary_on ...] %}…{% endpagefragment %}`.

Wagtail's `{% wagtailpagecache %}` key (the page's `cache_key` and site, skipped
in previews) plus the active language, stored with this project's purge
generations, for the parts of a page that are the same for every reader
(speedups/render_cache.py). Outside a page (account pages, the cart) or when
fragments are off, the content simply renders, so base templates can use the tag
everywhere.
"""

from django import template
from django.core.cache.utils import make_template_fragment_key
from django.template.exceptions import TemplateSyntaxError
from wagtail.models import Site
from wagtail.templatetags.wagtail_cache import WagtailPageCacheNode

from speedups import render_cache

register = template.Library()

OFF_VAR = "pagefragment_off"  # a view's way to say "render this one fresh"


class PageFragmentNode(WagtailPageCacheNode):
    """Wagtail's page fragment node, reading through `RequestFragments`."""

    def render(self, context):
        request = context.get("request")
        page = context.get("page")
        if context.get(OFF_VAR) or not render_cache.enabled_for(request, page):
            return self.nodelist.render(context)
        fragments = render_cache.fragments_for(request)
        if fragments is None:
            return self.nodelist.render(context)
        site = Site.find_for_request(request)
        with context.update({self.CACHE_SITE_TEMPLATE_VAR: site}):
            vary_on = [variable.resolve(context) for variable in self.vary_on]
            key = make_template_fragment_key(self.fragment_name, vary_on)
            html = fragments.get(key)
            if html is None:
                html = self.nodelist.render(context)
                fragments.store(key, html)
        return html


@register.tag("pagefragment")
def do_pagefragment(parser, token):
    nodelist = parser.parse(("endpagefragment",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) < 2:
        raise TemplateSyntaxError("'pagefragment' needs a fragment name.")
    name = tokens[1].strip("\"'")
    vary_on = [parser.compile_filter(bit) for bit in tokens[2:]]
    vary_on += [parser.compile_filter("LANGUAGE_CODE")]
    # No expiry variable or cache name: RequestFragments stores with its own.
    return PageFragmentNode(nodelist, None, name, vary_on, None)
