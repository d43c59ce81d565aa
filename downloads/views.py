"""The buyer's side: "My downloads" and the signed link that streams the file.

Every refusal is a page in the visitor's language with its status (403 for a
link that is not theirs or not genuine, 410 for one that ran out), never the
file and never a 500.
"""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import render
from django.utils.translation import gettext as _

from downloads import grants, links
from downloads.models import DownloadGrant, DownloadLog, DownloadPage
from operations.private_storage import private_storage
from operations.ranges import Unsatisfiable
from operations.ratelimit import client_ip
from operations.streaming import requested_range, stream_file

FORBIDDEN, GONE = 403, 410


def refusals():
    """{reason: (status, message)} in the active language."""
    return {
        "forged": (FORBIDDEN, _("This download link is not valid.")),
        "expired": (
            GONE,
            _("This download link has expired. Get a fresh one from My downloads."),
        ),
        "sign_in": (FORBIDDEN, _("Sign in with the account that bought this file.")),
        "not_yours": (FORBIDDEN, _("This download belongs to another account.")),
        "revoked": (
            GONE,
            _("This download is no longer available: the purchase was refunded."),
        ),
        "exhausted": (
            GONE,
            _("You have used every download this purchase allows."),
        ),
        "missing": (GONE, _("This file is no longer available.")),
    }


def refuse(request, reason):
    status, message = refusals()[reason]
    return render(
        request,
        "downloads/link_refused.html",
        {"reason": reason, "message": message},
        status=status,
    )


def fetch(request, token):
    """Stream a product's file to its buyer through a signed, expiring link."""
    try:
        payload = links.read_token(token)
    except links.LinkRefused as refused:
        return refuse(request, refused.reason)
    if not request.user.is_authenticated:
        return refuse(request, "sign_in")
    download = (
        DownloadGrant.objects.select_related("product").filter(pk=payload["g"]).first()
    )
    if download is None or download.user_id != request.user.pk:
        return refuse(request, "not_yours")
    if download.revoked_at is not None:
        return refuse(request, "revoked")
    page = (
        DownloadPage.objects.live()
        .filter(pk=payload["p"], translation_key=download.product.translation_key)
        .first()
    )
    storage = private_storage()
    if page is None or not page.file or not storage.exists(page.file.name):
        return refuse(request, "missing")
    if request.method != "HEAD" and not _continues(request, download, page, payload):
        if not _count(request, download, page, payload["n"]):
            return refuse(request, "exhausted")
    return stream_file(
        request, storage, page.file.name, filename=page.file_name, as_attachment=True
    )


def _continues(request, download, page, payload):
    """A resumed download (a range past byte 0) of a fetch this link counted."""
    try:
        byte_range = requested_range(request, page.file_size or 1)
    except Unsatisfiable:
        return False
    return bool(
        byte_range
        and byte_range[0] > 0
        and DownloadLog.objects.filter(grant=download, link_id=payload["n"]).exists()
    )


@transaction.atomic
def _count(request, download, page, link_id):
    """Log one download unless the purchase's limit is used up; True if logged."""
    download = DownloadGrant.objects.select_for_update().get(pk=download.pk)
    left = grants.remaining(download, page)
    if left is not None and left <= 0:
        return False
    DownloadLog.objects.create(
        grant=download,
        user=request.user,
        product=download.product,
        file_name=page.file.name,
        ip_address=_ip(request),
        link_id=link_id,
    )
    return True


def _ip(request):
    ip = client_ip(request)
    return None if ip == "unknown" else ip


@login_required
def my_downloads(request):
    items = []
    for download in grants.active_for(request.user):
        page = grants.page_for(download)
        if page is None:
            continue
        items.append(
            {
                "page": page,
                "url": links.make_url(download, page),
                "remaining": grants.remaining(download, page),
                "limit": grants.limit_of(page),
            }
        )
    response = render(request, "downloads/my_downloads.html", {"items": items})
    response["Cache-Control"] = "private, no-store"
    return response
