"""Start a fresh database connection when a prepared statement has gone stale.

With prepared statements on (`DB_PREPARED_STATEMENTS`, mystic/settings/base.py),
PostgreSQL refuses to run a statement prepared before a migration changed the
type of a column it returns ("cached plan must not change result type"), and
refuses again on every later request of that worker's persistent connection. A
worker still running the old code while `migrate` runs during a deploy would fail
that way until it restarts. After such an error the connection is closed, so the
next request opens a new one and prepares afresh: one failed request per worker
at most, instead of every request until a restart.
"""

import sys

from django.core.signals import got_request_exception
from django.db import connections

# feature_not_supported: what PostgreSQL raises for "cached plan must not change
# result type" whatever the server's language (lc_messages). The error is
# recognised by this code, not by its message; any other 0A000 error also costs
# the connection, which is harmless (the next request opens a new one).
STALE_PLAN_SQLSTATE = "0A000"


def is_stale_plan(error):
    cause = getattr(error, "__cause__", None)
    return getattr(cause, "sqlstate", None) == STALE_PLAN_SQLSTATE


def close_if_stale(error):
    """Close this thread's connections if `error` is a stale prepared statement."""
    if not is_stale_plan(error):
        return False
    for connection in connections.all(initialized_only=True):
        connection.close()
    return True


def _request_failed(sender, **kwargs):
    close_if_stale(sys.exception())


def connect_signals():
    got_request_exception.connect(
        _request_failed, dispatch_uid="speedups.stale_statements"
    )
