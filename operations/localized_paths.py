"""Old, untranslated learner paths lead to the translated ones.

Learner pages have translated paths (`pgettext_lazy("URL path", "cart/")` in
i18n_patterns gives `/es/carrito/`). Links in old emails, bookmarks and Stripe
sessions created before the translation still say `/es/cart/`: for each
translated pattern this adds the untranslated route, which answers with a
redirect to the pattern's URL in the language of the prefix (301 for reads, 308
for form posts so the method and body survive).
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.functional import Promise


class HttpResponsePermanentRedirectKeepMethod(HttpResponsePermanentRedirect):
    status_code = 308


def _redirect_to(url_name):
    def redirect_view(request, **kwargs):
        target = reverse(url_name, kwargs=kwargs)
        if request.META.get("QUERY_STRING"):
            target = f"{target}?{request.META['QUERY_STRING']}"
        if request.method in ("GET", "HEAD"):
            return HttpResponsePermanentRedirect(target)
        return HttpResponsePermanentRedirectKeepMethod(target)

    return redirect_view


def with_untranslated_redirects(urlpatterns, namespace):
    """`urlpatterns` followed by a redirect from each translated route's msgid."""
    redirects = []
    for pattern in urlpatterns:
        route = pattern.pattern._route
        if not isinstance(route, Promise):
            continue
        with translation.override(None):
            untranslated = str(route)
        redirects.append(
            path(untranslated, _redirect_to(f"{namespace}:{pattern.name}"))
        )
    return [*urlpatterns, *redirects]
