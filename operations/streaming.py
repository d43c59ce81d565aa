"""Serve a file from the private store to someone the caller already let in.

The one way a private file leaves the app (downloads and lesson media alike):
read from the storage API in chunks, so a 200 MB file never sits in a worker's
memory (bench/files.py measures it), with HTTP Range for seeking players and
resumed downloads (206), and `private, no-store` so no cache or proxy keeps a
copy. Callers decide who may fetch; this module only sends.
"""

import mimetypes
import os

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header

from operations.ranges import Unsatisfiable, parse_range

CHUNK_SIZE = 256 * 1024


def _chunks(storage_file, start, length):
    """`length` bytes from `start`, CHUNK_SIZE at a time; closes the file."""
    try:
        if start:
            storage_file.seek(start)
        remaining = length
        while remaining > 0:
            chunk = storage_file.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        storage_file.close()


def _body(storage, name, start, end):
    """The bytes start..end, streamed: a store may offer `iter_range` (S3)."""
    if hasattr(storage, "iter_range"):
        return storage.iter_range(name, start, end, CHUNK_SIZE)
    return _chunks(storage.open(name, "rb"), start, end - start + 1)


def requested_range(request, size):
    """(start, end) the request asks for, None for all; may raise Unsatisfiable."""
    return parse_range(request.headers.get("Range"), size)


def stream_file(request, storage, name, *, filename=None, as_attachment=False):
    """A streaming response with the file `name` of `storage` (or its part).

    `filename` is what the browser saves it as (default: the stored name).
    """
    size = storage.size(name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    try:
        byte_range = requested_range(request, size)
    except Unsatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return _private(response)
    start, end = byte_range or (0, size - 1)
    length = max(end - start + 1, 0)
    body = iter(())
    if length and request.method != "HEAD":
        body = _body(storage, name, start, end)
    response = StreamingHttpResponse(body, content_type=content_type)
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    if byte_range is not None:
        response.status_code = 206
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Disposition"] = content_disposition_header(
        as_attachment, filename or os.path.basename(name)
    )
    response["X-Content-Type-Options"] = "nosniff"
    return _private(response)


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response
