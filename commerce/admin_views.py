"""Staff screens beyond the generic viewsets: order detail with refunds, the
sales report, and the dashboard panel. Thin: they call commerce's rules."""

from collections import defaultdict
from datetime import timedelta

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.reports import ReportView

from commerce import refunds
from commerce.admin_permissions import ReadOnlyPermissionPolicy
from commerce.catalog import product_title
from commerce.models import Order, OrderLine, Product
from commerce.money import Money, to_minor

ORDER_POLICY = ReadOnlyPermissionPolicy(Order)


class OrderFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Order.STATUS_CHOICES)
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Date"), widget=DateRangePickerWidget
    )
    currency = django_filters.ChoiceFilter(
        choices=[("USD", "USD"), ("EUR", "EUR"), ("GBP", "GBP"), ("MXN", "MXN")]
    )
    course = django_filters.ModelChoiceFilter(
        label=_("Product"),
        queryset=Product.objects.all(),
        field_name="lines__product",
        distinct=True,
    )

    class Meta:
        model = Order
        fields = ["status", "created_at", "currency", "course"]


class RefundForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount to refund"), min_value=0, decimal_places=2, max_digits=12
    )


class OrderDetailView(InspectView):
    """Lines, payments, refunds and the event timeline, with a Refund form."""

    template_name = "commerce/admin/order_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = self.object
        refundable = order.refundable_minor()
        lines = list(order.lines.select_related("product"))
        for line in lines:  # staff read titles in their language, buyers in theirs
            line.staff_title = product_title(line.product)
        context.update(
            order=order,
            lines=lines,
            events=order.events.all(),
            refund_list=order.refunds.all(),
            refundable=Money(refundable, order.currency),
            refund_form=RefundForm(initial={"amount": f"{refundable / 100:.2f}"})
            if refundable and order.status == Order.PAID
            else None,
        )
        return context


def refund_order(request, pk):
    """Staff refund (full or partial): asks Stripe; the webhook confirms."""
    if not request.user.has_perm("commerce.change_order"):
        raise PermissionDenied
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    order = get_object_or_404(Order, pk=pk)
    form = RefundForm(request.POST)
    if not form.is_valid():
        # gettext, not lazy: the admin's language is active only while the view runs.
        messages.error(request, gettext("Enter the amount to refund."))
    else:
        try:
            amount = to_minor(form.cleaned_data["amount"], order.currency)
            refunds.request_refund(order, amount, request.user)
        except (ValueError, refunds.RefundError) as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                gettext("Refund requested; it shows as pending until Stripe confirms."),
            )
    return redirect("commerce_order:inspect", pk)


class SalesReportView(ReportView):
    """Paid sales per course and month, per currency; exportable (CSV/XLSX).

    Open, with its results and exports, to whoever may view orders (Shop staff).
    """

    permission_policy = ORDER_POLICY
    permission_required = "view"
    page_title = _("Sales by product and month")
    header_icon = "table"
    index_url_name = "commerce_sales_report"
    index_results_url_name = "commerce_sales_report_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    list_export = ["month", "course", "currency", "orders", "revenue"]
    export_headings = {
        "month": _("Month"),
        "course": _("Product"),
        "currency": _("Currency"),
        "orders": _("Orders"),
        "revenue": _("Revenue (minor units)"),
    }
    columns = [
        Column("month", label=_("Month"), accessor="month_label"),
        Column("course", label=_("Product")),
        Column("currency", label=_("Currency")),
        Column("orders", label=_("Orders")),
        Column("revenue_display", label=_("Revenue")),
    ]

    def get_queryset(self):
        rows = (
            OrderLine.objects.filter(order__status=Order.PAID)
            .annotate(month_start=TruncMonth("order__paid_at"))
            .values("month_start", "product__title", "order__currency")
            .annotate(orders=Count("order", distinct=True), revenue=Sum("amount_minor"))
            .order_by("-month_start", "product__title")
        )
        return [
            {
                "month": row["month_start"].strftime("%Y-%m"),
                "month_label": row["month_start"].strftime("%Y-%m"),
                "course": row["product__title"],  # one row per course, any language
                "currency": row["order__currency"],
                "orders": row["orders"],
                "revenue": row["revenue"],
                "revenue_display": str(Money(row["revenue"], row["order__currency"])),
            }
            for row in rows
        ]

    def filter_queryset(self, queryset):
        return queryset


def revenue_since(since):
    """{currency: Money} of paid orders since `since` (net of refunds)."""
    totals = defaultdict(int)
    for row in (
        Order.objects.filter(paid_at__gte=since, status=Order.PAID)
        .values("currency")
        .annotate(total=Sum("total_minor"), refunded=Sum("refunded_minor"))
    ):
        totals[row["currency"]] += row["total"] - row["refunded"]
    return [Money(amount, currency) for currency, amount in sorted(totals.items())]


class ShopPanel(Component):
    """Dashboard: revenue today and in the last 30 days per currency, recent orders."""

    name = "commerce_shop"
    order = 50
    template_name = "commerce/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        now = timezone.localtime()
        today = now.replace(hour=0, minute=0, second=0, microsecond=0)
        return {
            "today": revenue_since(today),
            "last_30_days": revenue_since(now - timedelta(days=30)),
            "recent": Order.objects.exclude(number=None)[:5],
        }
