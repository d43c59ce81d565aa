"""The `.ics` file sent with a confirmed booking (RFC 5545, one VEVENT).

Written by hand: a dozen lines of text do not need a dependency. Times are in
UTC (`…Z`), which every calendar converts to its owner's zone.
"""

from django.conf import settings
from django.utils import timezone

PRODID = "-//Mystic Courses//Events//EN"


def _escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, chunk = [], b""
    for char in line:
        encoded = char.encode()
        if len(chunk) + len(encoded) > (75 if not parts else 74):
            parts.append(chunk.decode())
            chunk = b""
        chunk += encoded
    parts.append(chunk.decode())
    return "\r\n ".join(parts)


def _utc(moment):
    return timezone.localtime(moment, timezone.UTC).strftime("%Y%m%dT%H%M%SZ")


def ics_for(page, booking, url=""):
    """A calendar file for `booking` of the event `page` (in its language)."""
    where = (
        page.join_url
        if page.is_online
        else ", ".join(part for part in (page.venue, page.address) if part)
    )
    host = settings.SITE_URL.split("//")[-1].split("/")[0] or "localhost"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "METHOD:PUBLISH",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:booking-{booking.pk}@{host}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(page.starts_at)}",
        f"DTEND:{_utc(page.ends_at)}",
        f"SUMMARY:{_escape(page.title)}",
        f"LOCATION:{_escape(where)}",
        f"DESCRIPTION:{_escape(page.summary)}",
    ]
    if url:
        lines.append(f"URL:{url}")
    lines += ["STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
