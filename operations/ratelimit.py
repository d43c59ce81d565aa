"""Fixed-window rate limits kept in the cache (Redis in production, so shared by
every process), and the 429 answer that goes with them.

`fail_open` decides what happens when the cache is down: reading pages and the
public API keep working (open); payments and authentication refuse (closed), so an
outage never becomes a way around the limit.
"""

import logging
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int = 0


def client_ip(request):
    """The visitor's IP; trusts `X-Forwarded-For` only behind known proxies."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.headers.get("X-Forwarded-For", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(scope, identity, *, limit, period, fail_open):
    """Count one request of `identity` in `scope`: at most `limit` per `period`."""
    now = int(time.time())
    window = now - now % period
    key = f"ratelimit:{scope}:{identity}:{window}"
    retry_after = max(1, window + period - now)
    try:
        cache.add(key, 0, timeout=period + 1)
        count = cache.incr(key)
    except Exception:  # noqa: BLE001 - any cache failure: apply the fail policy
        count = None
    if count is None:  # Redis unreachable (errors may be ignored by the backend)
        logger.warning("rate limit cache unavailable for scope %s", scope)
        return Decision(allowed=fail_open, retry_after=0 if fail_open else 60)
    return Decision(allowed=count <= limit, retry_after=retry_after)


def too_many_requests(request, retry_after, *, json=False):
    """A 429 in the visitor's language, with `Retry-After`."""
    if json:
        from django.http import JsonResponse

        response = JsonResponse(
            {"error": "rate_limited", "retry_after": retry_after}, status=429
        )
    else:
        # People read "about 60 minutes", not "3596 seconds".
        minutes = math.ceil(retry_after / 60) if retry_after >= 120 else None
        context = {"retry_after": retry_after, "retry_minutes": minutes}
        response = render(request, "429.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response


class ApiRateLimitMiddleware:
    """100 requests per minute per IP on `/api/` (health and webhooks exempt)."""

    exempt = ("/api/health", "/api/checkout/webhook")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if path.startswith("/api/") and not path.startswith(self.exempt):
            decision = hit(
                "api",
                client_ip(request),
                limit=settings.API_RATE_LIMIT_PER_MINUTE,
                period=60,
                fail_open=True,
            )
            if not decision.allowed:
                return too_many_requests(request, decision.retry_after, json=True)
        return self.get_response(request)
