"""Admin screens for draft share links: list, create, revoke.

Marketing has no page permissions (it must not edit), so these screens do not go
through the page editor: they check the `publishing.add_draftsharelink`
permission and work on any page of the site.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page

from cms.publishing import sharing
from cms.publishing.models import DraftShareLink


def _require_share_permission(request, page=None):
    if not sharing.user_can_share(request.user, page):
        raise PermissionDenied


def index(request):
    """Pages to share, newest edits first, searchable by title."""
    _require_share_permission(request)
    query = request.GET.get("q", "").strip()[:100]
    pages = Page.objects.filter(depth__gt=1).select_related("locale")
    if query:
        pages = pages.filter(title__icontains=query)
    pages = pages.order_by("-latest_revision_created_at", "-id")[:50]
    return TemplateResponse(
        request,
        "publishing/admin/index.html",
        {"pages": pages, "query": query},
    )


def page_links(request, page_id):
    """The page's share links; POST creates one and shows its URL once."""
    page = get_object_or_404(Page, pk=page_id)
    _require_share_permission(request, page)
    new_link = new_url = None
    form = sharing.ShareLinkForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_bound and form.is_valid():
        new_link, token = sharing.create_share_link(
            page, request.user, lifetime=form.lifetime()
        )
        new_url = request.build_absolute_uri(
            sharing.share_path(token, page.locale.language_code)
        )
        messages.success(
            request, _("Share link created. Copy it now: it is shown only once.")
        )
        form = sharing.ShareLinkForm()
    elif form.is_bound:
        status = 400
    return TemplateResponse(
        request,
        "publishing/admin/page_links.html",
        {
            "page": page,
            "form": form,
            "links": sharing.links_for_page(page),
            "new_link": new_link,
            "new_url": new_url,
        },
        status=status,
    )


def revoke(request, link_id):
    _require_share_permission(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    link = get_object_or_404(DraftShareLink.objects.select_related("page"), pk=link_id)
    _require_share_permission(request, link.page)
    sharing.revoke(link)
    messages.success(request, _("Share link revoked: it no longer opens the draft."))
    return redirect("publishing_page_share_links", link.page_id)
