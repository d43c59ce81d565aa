"""`GET /api/health`: is the shop working? Probes the database, the cache and
the task queue; for monitoring and `check_deployment`.

Answers 200 only when every configured part answers; 503 otherwise. The queue
part (background/status.py) reports its depth, the oldest waiting task and the
worker's last heartbeat, and fails when the worker has been silent, or a task
has waited, longer than `WORKER_SILENT_AFTER_SECONDS`.

`GET /api/health/web`: can this web server answer pages? Database and cache
only, for load balancers: a silent worker is an alarm, not a reason to take
every web server out of rotation. Neither is ever cached.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from background.status import queue_status


def _probe_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means "not connected"
        return "disconnected"
    return "connected"


def _probe_queue():
    try:
        return queue_status()
    except Exception:  # noqa: BLE001 - the database probe says why
        return {"healthy": False, "worker": "unknown"}


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
    queue = _probe_queue()
    return _answer(queue.pop("healthy"), queue=queue)


@never_cache
@require_GET
def web_health(request):
    return _answer(True)


def _answer(queue_healthy, **extra):
    parts = {"database": _probe_database(), "redis": _probe_redis()}
    healthy = queue_healthy and all(
        state in {"connected", "not configured"} for state in parts.values()
    )
    body = {
        "status": "healthy" if healthy else "unhealthy",
        **parts,
        **extra,
        "timestamp": timezone.now().isoformat(),
        "version": settings.APP_VERSION,
    }
    response = JsonResponse(body, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response
