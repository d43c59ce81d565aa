"""`/favicon.ico`: browsers and feed readers ask for it whatever the page's
`<link rel="icon">` says; send them to the PNG icon among the static files
instead of letting Wagtail look for a page (a 404 and a database query)."""

from django.http import HttpResponseRedirect
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe


@require_safe
@cache_control(max_age=86400, public=True)
def favicon_ico(request):
    return HttpResponseRedirect(static("img/favicon-32.png"))
