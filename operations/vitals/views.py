"""`POST /api/vitals`: where learners' browsers report page speed, and its report."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from operations.ratelimit import client_ip, hit, too_many_requests
from operations.vitals.collect import MAX_BODY_BYTES, InvalidBeacon, parse_beacon
from operations.vitals.models import VitalSample
from operations.vitals.report import p75_by_page


@csrf_exempt  # a beacon changes nothing of the visitor's; it carries no session
@require_POST
def collect(request):
    decision = hit("vitals", client_ip(request), limit=30, period=60, fail_open=True)
    if not decision.allowed:
        return too_many_requests(request, decision.retry_after, json=True)
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES:
        return JsonResponse({"error": "beacon too large"}, status=413)
    try:
        samples = parse_beacon(request.body)
    except InvalidBeacon as error:
        return JsonResponse({"error": str(error)}, status=400)
    VitalSample.objects.bulk_create(samples)
    return HttpResponse(status=204)


VIEW_PERMISSION = "vitals.view_vitalsample"


def may_view_report(user):
    """Superusers, or anyone granted "Can view vital sample"."""
    return user.has_perm(VIEW_PERMISSION)


def report(request):
    """Admin report: p75 of each metric per page over the last week."""
    if not may_view_report(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request, "vitals/report.html", {"rows": p75_by_page(), "days": 7}
    )
