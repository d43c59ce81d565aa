"""One JSON line per request, with a request id that also tags Sentry events.

The id comes from the proxy's `X-Request-ID` when it looks sane, else a new one; it
is echoed back in the response so a learner's report can be matched to the log.
"""

import json
import logging
import re
import time
import uuid

import sentry_sdk

logger = logging.getLogger("mystic.requests")
SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class JsonLineFormatter(logging.Formatter):
    """Formats records whose message is a dict as a single JSON object."""

    def format(self, record):
        payload = (
            record.msg
            if isinstance(record.msg, dict)
            else {"message": record.getMessage()}
        )
        return json.dumps(
            {"level": record.levelname.lower(), "logger": record.name, **payload},
            default=str,
            separators=(",", ":"),
        )


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if SAFE_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        sentry_sdk.get_isolation_scope().set_tag("request_id", request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 2)
        response["X-Request-ID"] = request_id
        user = getattr(request, "user", None)
        logger.info(
            {
                "request_id": request_id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": user.pk
                if user is not None and user.is_authenticated
                else None,
            }
        )
        return response
