"""Short-lived signed download links: the app's own token, no object-store URL.

A link names one grant and one page (the buyer's language may carry its own
file) and the moment it stops working, signed with SECRET_KEY
(`django.core.signing`), so it cannot be forged or stretched. It opens the file
only for the signed-in buyer, while the grant is open and under its limit
(downloads/views.py). "My downloads" mints links that live minutes; the receipt
email's live days (an email is read later), and both fall back to
"My downloads" when expired. Decision 0085 says why not presigned URLs.
"""

import secrets
import time

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "downloads.link"


class LinkRefused(Exception):
    """Forged or expired: `reason` says which."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def page_link_seconds():
    return settings.DOWNLOAD_LINK_SECONDS


def email_link_seconds():
    return settings.DOWNLOAD_EMAIL_LINK_SECONDS


def make_token(download, page, seconds=None):
    seconds = page_link_seconds() if seconds is None else seconds
    payload = {
        "g": download.pk,
        "p": page.pk,
        "x": int(time.time()) + seconds,
        "n": secrets.token_hex(8),
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def make_url(download, page, seconds=None):
    """The path of a fresh link, in the active language's URL prefix."""
    return reverse("downloads:fetch", args=[make_token(download, page, seconds)])


def read_token(token):
    """The link's payload {g, p, x, n}; raises LinkRefused("forged"/"expired")."""
    try:
        payload = signing.loads(token, salt=SALT)
        expires = int(payload["x"])
        int(payload["g"]), int(payload["p"]), str(payload["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkRefused("forged") from None
    if expires < time.time():
        raise LinkRefused("expired")
    return payload
