"""`GET /api/health`: is the app able to serve? Probes the database and the cache.

Answers 200 only when every configured part answers; 503 otherwise, so a load
balancer stops sending traffic. Never cached.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _probe_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means "not connected"
        return "disconnected"
    return "connected"


def _probe_redis():
    if not settings.REDIS_URL:
        return "not configured"
    try:
        client = cache.client.get_client(write=True)
        client.ping()
    except Exception:  # noqa: BLE001 - any failure means "not connected"
        return "disconnected"
    return "connected"


@never_cache
@require_GET
def health(request):
    parts = {"database": _probe_database(), "redis": _probe_redis()}
    healthy = all(state in {"connected", "not configured"} for state in parts.values())
    body = {
        "status": "healthy" if healthy else "unhealthy",
        **parts,
        "timestamp": timezone.now().isoformat(),
        "version": settings.APP_VERSION,
    }
    response = JsonResponse(body, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response
