"""The shop in the Wagtail admin: orders, enrollments, coupons, course prices,
a dashboard panel and the sales report, grouped under one "Shop" menu."""

from datetime import timedelta

from django import forms
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from commerce import admin_views, entitlements, pricing
from commerce.enrollments import revoke_one
from commerce.models import Coupon, Enrollment, Order, Product
from operations.database_health import FIGURES_HOOK as DATABASE_HEALTH_FIGURES_HOOK
from operations.database_health import Figure

register_permission_policy(Order, admin_views.ORDER_POLICY)


class OrderViewSet(ModelViewSet):
    model = Order
    icon = "form"
    menu_label = _("Orders")
    url_prefix = "commerce/orders"
    name = "commerce_order"
    inspect_view_enabled = True
    inspect_view_class = admin_views.OrderDetailView
    filterset_class = admin_views.OrderFilterSet
    search_fields = ["number", "email"]
    search_backend_name = None
    list_display = [
        "number",
        "email",
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("total", label=_("Total")),
        DateColumn("created_at", label=_("Created")),
    ]
    list_export = [
        "number",
        "email",
        "status",
        "currency",
        "subtotal_minor",
        "discount_minor",
        "total_minor",
        "refunded_minor",
        "created_at",
        "paid_at",
    ]
    export_filename = "orders"
    form_fields = ["review_reason"]


class EnrollmentForm(WagtailAdminModelForm):
    """Grant (create) or revoke/restore (the "active" box) an enrollment."""

    active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["active"].initial = self.instance.revoked_at is None

    def save(self, commit=True):
        """Granting, restoring and revoking go through commerce.entitlements: a
        restored enrollment is staff's grant, no longer the refunded order's."""
        enrollment = super().save(commit=False)
        active = self.cleaned_data.get("active")
        if enrollment.pk is None or (active and enrollment.revoked_at is not None):
            enrollment = entitlements.grant_by_staff(
                enrollment.user, enrollment.product, note=enrollment.note
            )
        else:
            enrollment.save()
        if not active:
            revoke_one(enrollment)
            enrollment.refresh_from_db()
        self.instance = enrollment  # the admin's views go on with the saved row
        return enrollment


class EnrollmentViewSet(ModelViewSet):
    model = Enrollment
    icon = "group"
    menu_label = _("Enrollments")
    url_prefix = "commerce/enrollments"
    name = "commerce_enrollment"
    edit_handler = ObjectList(
        [
            FieldPanel("user"),
            FieldPanel("product"),
            FieldPanel("note"),
            FieldPanel("active"),
        ],
        base_form_class=EnrollmentForm,
    )
    list_display = [
        "user",
        "product",
        "get_source_display",
        DateColumn("created_at", label=_("Enrolled")),
        DateColumn("revoked_at", label=_("Revoked")),
    ]
    list_filter = ["product", "source"]
    search_fields = ["user__email", "product__title"]
    search_backend_name = None
    list_export = ["user", "product", "source", "created_at", "revoked_at"]


class CouponViewSet(ModelViewSet):
    model = Coupon
    icon = "tag"
    menu_label = _("Coupons")
    url_prefix = "commerce/coupons"
    name = "commerce_coupon"
    list_display = [
        "code",
        "get_kind_display",
        Column("times_used", label=_("Used")),
        "max_redemptions",
        DateColumn("valid_until", label=_("Valid until")),
        "is_active",
    ]
    search_fields = ["code"]
    search_backend_name = None


class ProductViewSet(ModelViewSet):
    model = Product
    icon = "pick"
    menu_label = _("Prices")
    url_prefix = "commerce/prices"
    name = "commerce_product"
    list_display = ["title", Column("price_list", label=_("Prices"))]
    search_fields = ["title"]
    search_backend_name = None


class ShopViewSetGroup(ModelViewSetGroup):
    menu_label = _("Shop")
    menu_icon = "tag"
    menu_order = 250
    items = (OrderViewSet, EnrollmentViewSet, CouponViewSet, ProductViewSet)


@hooks.register("check_page_before_going_live")
def course_needs_its_prices(page):
    """The catalog's go-live check (cms/publishing/go_live_checks.py): no course,
    event or digital product (the page types whose form is
    `GoLiveCheckedPageForm`) goes live without a price, or an explicit 0, in
    each language's currency."""
    return pricing.missing_price_messages(page)


@hooks.register("register_admin_viewset")
def register_shop_viewsets():
    return ShopViewSetGroup()


@hooks.register("register_admin_urls")
def register_shop_urls():
    return [
        path(
            "commerce/orders/<int:pk>/refund/",
            admin_views.refund_order,
            name="commerce_order_refund",
        ),
        path(
            "commerce/reports/sales/",
            admin_views.SalesReportView.as_view(),
            name="commerce_sales_report",
        ),
        path(
            "commerce/reports/sales/results/",
            admin_views.SalesReportView.as_view(results_only=True),
            name="commerce_sales_report_results",
        ),
    ]


class SalesReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.ORDER_POLICY.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_sales_report_menu_item():
    return SalesReportMenuItem(
        _("Sales by product"),
        reverse("commerce_sales_report"),
        icon_name="table",
        order=700,
    )


@hooks.register("construct_homepage_panels")
def add_shop_panel(request, panels):
    if admin_views.ORDER_POLICY.user_has_permission(request.user, "view"):
        panels.append(admin_views.ShopPanel())


@hooks.register(DATABASE_HEALTH_FIGURES_HOOK)
def orders_in_the_last_day():
    """The guide's "orders in the last 24 h", on the operators' database report."""
    since = timezone.now() - timedelta(hours=24)
    recent = Order.objects.filter(created_at__gte=since)
    return [
        Figure(
            _("Orders in the last 24 hours"),
            _("%(total)s (%(paid)s paid)")
            % {"total": recent.count(), "paid": recent.exclude(paid_at=None).count()},
        )
    ]
