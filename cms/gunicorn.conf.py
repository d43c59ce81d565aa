"""Gunicorn settings for production: `gunicorn -c cms/gunicorn.conf.py cms.wsgi`.

Workers: 2 x cores + 1 (WEB_CONCURRENCY overrides). Each worker is a separate
process with persistent database connections (DB_CONN_MAX_AGE), so the database
must allow at least workers x servers connections. Workers are recycled after
`max_requests` to keep memory flat.
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
accesslog = None  # the app writes one JSON line per request itself
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
