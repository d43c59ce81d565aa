"""The public side of draft share links: `/share/<token>/`."""

from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from cms.publishing import sharing

PRIVATE_HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex, nofollow",
    # The token is in the URL: never hand it to embedded videos or linked sites.
    "Referrer-Policy": "no-referrer",
}


def _private(response):
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response


@require_safe
def share_draft(request, token):
    """Render the latest draft of the link's page, in the page's language."""
    link = sharing.find_link(token)
    if link is None:
        raise Http404
    if not link.is_active():
        return _private(render(request, "publishing/share_link_gone.html", status=410))
    page = sharing.latest_draft(link.page)
    mode = sharing.preview_mode_for(page)
    language = page.locale.language_code
    with translation.override(language):
        request.LANGUAGE_CODE = language
        request.is_preview = True
        request.preview_mode = mode
        request.draft_share_link = link
        request.draft_share_token = token  # the shared lesson's media asks it
        response = page.serve_preview(request, mode)
        if hasattr(response, "render"):
            response.render()
    return _private(response)
