"""`POST /api/checkout/webhook`: Stripe's events, verified on the raw body."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from commerce import webhooks


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        event = webhooks.parse(request.body, request.headers.get("Stripe-Signature"))
    except webhooks.BadEvent:
        return HttpResponseBadRequest("invalid signature or payload")
    outcome = webhooks.handle(event)
    return JsonResponse({"received": True, "outcome": outcome})
