"""Gunicorn settings for production: `gunicorn -c mystic/gunicorn.conf.py mystic.wsgi`.

Workers: 2 x cores + 1 (WEB_CONCURRENCY overrides). Each worker is a separate
process with persistent database connections (DB_CONN_MAX_AGE), so the database
must allow at least workers x servers connections. Workers are recycled after
`max_requests` (50,000 ± 10%, GUNICORN_MAX_REQUESTS) in case memory ever creeps.
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# A safety net, not a routine: workers stay at ~146 MB under load, and at cached
# page rates (~400 requests/s per worker) 2,000 requests restarted each worker
# every few seconds, each restart a second of imports (make bench-production).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
accesslog = None  # the app writes one JSON line per request itself
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
