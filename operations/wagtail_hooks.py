"""Operators' screens in the Wagtail admin: the database health report."""

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from operations import database_health


def may_view_database_health(user):
    """Operators only: the figures name every database on the server and the
    slowest statements show the shape of every query."""
    return user.is_active and user.is_superuser


def database_health_view(request):
    if not may_view_database_health(request.user):
        raise PermissionDenied
    postgresql = connection.vendor == "postgresql"
    slowest, why_not = (
        database_health.slowest_statements() if postgresql else ([], None)
    )
    return TemplateResponse(
        request,
        "operations/database_health.html",
        {
            "figures": database_health.figures(),
            "postgresql": postgresql,
            "slowest": slowest,
            "slowest_missing": why_not,
        },
    )


@hooks.register("register_admin_urls")
def operations_admin_urls():
    return [
        path(
            "reports/database-health/",
            database_health_view,
            name="operations_database_health",
        )
    ]


class DatabaseHealthMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_database_health(request.user)


@hooks.register("register_reports_menu_item")
def database_health_menu_item():
    return DatabaseHealthMenuItem(
        _("Database health"),
        reverse("operations_database_health"),
        icon_name="site",
        order=910,
    )
