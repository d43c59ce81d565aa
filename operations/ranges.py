"""HTTP Range requests (RFC 9110 §14) for one byte range: what a media player
and a resuming download ask for.

Several ranges in one request (multipart/byteranges) are rare and are answered
with the whole file (200), which the RFC allows.
"""

import re

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class Unsatisfiable(ValueError):
    """The range starts beyond the end of the file: 416."""


def parse_range(header, size):
    """(start, end) inclusive for a `Range` header, or None for the whole file.

    A malformed header is ignored (the whole file), as the RFC says; a range
    past the end raises `Unsatisfiable`.
    """
    match = _RANGE.match((header or "").strip())
    if not match:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # "bytes=-500": the last 500 bytes
        length = int(last)
        if length == 0:
            raise Unsatisfiable(header)
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or (last and int(last) < start):
        raise Unsatisfiable(header)
    return start, end
