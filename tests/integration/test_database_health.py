"""Operators read the database's health in the admin, as the guide sketches it."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone
from wagtail.users.models import UserProfile

from commerce.models import Order
from tests.support.commerce import make_learner

pytestmark = pytest.mark.django_db
URL = "/admin/reports/database-health/"


def figures(html):
    """{label: value} from the report's first table."""
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th><td>(.*?)</td></tr>", html)
    return dict(rows)


def test_operator_sees_connections_size_users_and_todays_orders(client, superuser):
    learner = make_learner(email="health-learner@example.com")
    Order.objects.create(email=learner.email, user=learner, currency="USD")
    paid = Order.objects.create(email=learner.email, user=learner, currency="EUR")
    paid.paid_at = timezone.now()
    paid.save()
    old = Order.objects.create(email=learner.email, user=learner, currency="USD")
    Order.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=2)
    )
    client.force_login(superuser)

    response = client.get(URL)

    assert response.status_code == 200
    shown = figures(response.content.decode())
    assert shown["Orders in the last 24 hours"] == "2 (1 paid)"
    assert shown["Users"] == "2 (2 active)"
    assert shown["Connections to this database"].split()[0].isdigit()
    assert "of max_connections" in shown["Connections to the server"]
    assert shown["Database size"].endswith(("kB", "MB", "GB"))


def sql(statement):
    with connection.cursor() as cursor:
        cursor.execute(statement)
        return cursor.fetchone() if cursor.description else None


def test_slowest_statements_or_what_is_missing_to_show_them(client, superuser):
    """Not installed: how to enable it. Installed (rolled back with the test):
    the slowest statements, or, when the server does not preload the library,
    that step named."""
    client.force_login(superuser)
    sql("DROP EXTENSION IF EXISTS pg_stat_statements")
    html = client.get(URL).content.decode()
    assert "pg_stat_statements is not installed" in html
    assert "shared_preload_libraries = 'pg_stat_statements'" in html
    assert "CREATE EXTENSION pg_stat_statements;" in html

    sql("CREATE EXTENSION pg_stat_statements")
    html = client.get(URL).content.decode()
    (preloaded,) = sql("SHOW shared_preload_libraries")
    if "pg_stat_statements" in preloaded:
        assert "Mean ms" in html and html.count("<td><code>") >= 1
    else:
        assert "pg_stat_statements is installed but cannot be read" in html
    assert client.get(URL).status_code == 200  # the failed read left no damage


def test_shop_staff_are_refused_and_not_shown_the_menu_item(client):
    staff = make_learner(email="shop-health@example.com")
    staff.groups.add(Group.objects.get(name="Shop staff"))
    client.force_login(staff)
    assert client.get(URL).status_code in (302, 403)
    assert URL not in client.get("/admin/").content.decode()


def test_spanish_speaking_operator_reads_it_in_spanish(client, superuser):
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(superuser)
    html = client.get(URL).content.decode()
    assert "Salud de la base de datos" in html
    assert "Pedidos en las últimas 24 horas" in html
