"""A migration that changes a column's type under running workers (deploys).

With prepared statements on (DB_PREPARED_STATEMENTS), PostgreSQL refuses a
statement prepared before the change ("cached plan must not change result type")
on that connection for good. speedups/stale_statements.py closes the connection after
such an error, so a worker fails one request, not every request until a restart.
"""

import psycopg
import pytest
from django.db import connection
from django.test import Client

pytestmark = pytest.mark.django_db(transaction=True)


def alter_title_column(length):
    """ALTER wagtailcore_page.title's type from another session, as `migrate` would."""
    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        autocommit=True,
    ) as other:
        other.execute("SET lock_timeout = '10s'")
        other.execute(
            f"ALTER TABLE wagtailcore_page ALTER COLUMN title TYPE varchar({length})"
        )


def test_prepared_statements_are_on_for_postgresql():
    options = connection.settings_dict["OPTIONS"]
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 5


def test_a_column_type_change_costs_a_worker_one_request_not_all(shop_course):
    url = shop_course.en.url
    reader = Client(raise_request_exception=False)
    for _ in range(7):  # past psycopg's prepare_threshold: the router's SQL is prepared
        assert reader.get(url).status_code == 200
    try:
        alter_title_column(256)

        first = reader.get(url)  # the statement prepared before the change
        assert first.status_code == 500
        assert connection.connection is None  # closed: the next request reconnects

        for _ in range(7):
            assert reader.get(url).status_code == 200
    finally:
        connection.close()  # no statement prepared against varchar(256) survives
        alter_title_column(255)
