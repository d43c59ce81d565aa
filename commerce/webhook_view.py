"""`POST /api/checkout/webhook`: Stripe's events, verified on the raw body."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from commerce import gateway, webhooks


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        event = webhooks.parse(request.body, request.headers.get("Stripe-Signature"))
    except webhooks.BadEvent:
        return HttpResponseBadRequest("invalid signature or payload")
    try:
        outcome = webhooks.handle(event)
    except gateway.GatewayError:
        # Stripe could not confirm the session: nothing was recorded; Stripe
        # retries a non-2xx delivery later.
        return JsonResponse({"received": False, "retry": True}, status=503)
    return JsonResponse({"received": True, "outcome": outcome})
