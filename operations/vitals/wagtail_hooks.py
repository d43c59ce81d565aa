"""The web vitals report in the Wagtail admin's Reports menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from operations.vitals import views


@hooks.register("register_admin_urls")
def vitals_admin_urls():
    return [path("reports/web-vitals/", views.report, name="vitals_report")]


class VitalsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_view_report(request.user)


@hooks.register("register_reports_menu_item")
def vitals_menu_item():
    return VitalsMenuItem(
        _("Web vitals"), reverse("vitals_report"), icon_name="time", order=900
    )
