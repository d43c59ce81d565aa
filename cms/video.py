"""Turn a YouTube or Vimeo address into a privacy-friendly player address.

Editors paste the URL they see in their browser; we render an `<iframe>` pointing at
`youtube-nocookie.com` or `player.vimeo.com` ourselves instead of asking an oEmbed
provider over the network on every save (slow, flaky, and it would need a wider
Content-Security-Policy). Anything we do not recognise gives `None` and the
template shows a plain link instead.
"""

import re
from urllib.parse import parse_qs, urlparse

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_VIMEO_ID = re.compile(r"^\d{4,12}$")


def embed_url(url):
    """The player URL for `url`, or None when it is not a known video host."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https"):
        return None
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [None])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parsed.path.split("/")[2]
        if video_id and _YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host == "youtu.be":
        video_id = parsed.path.lstrip("/").split("/")[0]
        if _YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host in ("vimeo.com", "player.vimeo.com"):
        video_id = parsed.path.rstrip("/").split("/")[-1]
        if _VIMEO_ID.match(video_id):
            return f"https://player.vimeo.com/video/{video_id}"
    return None
