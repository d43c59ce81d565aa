"""The database health figures the deployment guide sketches, for operators.

Connections, database size, users, orders in the last 24 hours (added by
commerce through the `database_health_figures` hook: operations knows no shop),
and the slowest statements when PostgreSQL's `pg_stat_statements` is there.
Read-only queries on PostgreSQL's statistics views; nothing is cached, so the
page is as fresh as the reload.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection, transaction
from django.utils.translation import gettext as _
from wagtail import hooks

FIGURES_HOOK = "database_health_figures"
SLOWEST = 10


@dataclass(frozen=True)
class Figure:
    label: str
    value: str


def _one(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def _all(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        columns = [column.name for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def connection_figures():
    here, active, idle, idle_in_transaction = _one(
        "SELECT count(*), count(*) FILTER (WHERE state = 'active'), "
        "count(*) FILTER (WHERE state = 'idle'), "
        "count(*) FILTER (WHERE state LIKE 'idle in transaction%%') "
        "FROM pg_stat_activity WHERE datname = current_database()"
    )
    (everywhere,) = _one("SELECT count(*) FROM pg_stat_activity")
    (limit,) = _one("SHOW max_connections")
    return [
        Figure(
            _("Connections to this database"),
            _(
                "%(total)s (%(active)s active, %(idle)s idle, %(stuck)s idle in "
                "a transaction)"
            )
            % {
                "total": here,
                "active": active,
                "idle": idle,
                "stuck": idle_in_transaction,
            },
        ),
        Figure(
            _("Connections to the server"),
            _("%(used)s of max_connections %(limit)s")
            % {"used": everywhere, "limit": limit},
        ),
    ]


def size_figure():
    (size,) = _one("SELECT pg_size_pretty(pg_database_size(current_database()))")
    return Figure(_("Database size"), size)


def user_figure():
    users = get_user_model().objects
    return Figure(
        _("Users"),
        _("%(total)s (%(active)s active)")
        % {"total": users.count(), "active": users.filter(is_active=True).count()},
    )


def slowest_statements():
    """(rows, None) or ([], why not): the statements with the longest mean time."""
    installed = _one(
        "SELECT extversion FROM pg_extension WHERE extname = 'pg_stat_statements'"
    )
    if installed is None:
        return [], "not installed"
    try:
        with transaction.atomic():  # a failure must not poison the request's
            rows = _all(
                "SELECT calls, round(mean_exec_time::numeric, 2) AS mean_ms, "
                "round(total_exec_time::numeric, 0) AS total_ms, "
                "left(regexp_replace(query, '\\s+', ' ', 'g'), 300) AS query "
                "FROM pg_stat_statements WHERE dbid = "
                "(SELECT oid FROM pg_database WHERE datname = current_database()) "
                "ORDER BY mean_exec_time DESC LIMIT %s",
                [SLOWEST],
            )
    except DatabaseError as error:  # installed, but not preloaded by the server
        return [], str(error).strip().splitlines()[0]
    return rows, None


def figures():
    """Every figure, PostgreSQL's own first; apps add theirs through the hook."""
    found = []
    if connection.vendor == "postgresql":
        found += [*connection_figures(), size_figure()]
    found.append(user_figure())
    for add_figures in hooks.get_hooks(FIGURES_HOOK):
        found += add_figures()
    return found
