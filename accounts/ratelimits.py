"""Account rate limits: allauth's own, plus the one it lacks, all answered by 429.

allauth counts attempts in Django's cache (Redis when `REDIS_URL` is set, so the
counts are shared by every process). Its limits are configured in
`settings.ACCOUNT_RATE_LIMITS`; here we add what it cannot express (sign-ups per
email address) and turn every refusal into the same answer: the `429.html` page in
the visitor's language with a `Retry-After` header saying when a retry can succeed.

allauth refuses in two ways: its view decorators call `mystic.urls.handler429`
(`handler429` below), and its failed-login limit raises a form error, which our
adapter turns into `refuse()`.
"""

import math
import time

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.contrib.sites.shortcuts import get_current_site
from django.core.cache import cache

from operations.ratelimit import too_many_requests

ACCOUNT_APP = "allauth.account"
OUR_APP = "accounts"
# Limits allauth has no setting for: sign-ups per email address.
OUR_RATES = {"signup_address": "3/h/key"}
FALLBACK_RETRY_AFTER = 60


def refuse(request, retry_after):
    """Stop the current request with a 429 (allauth's middleware answers it)."""
    raise ImmediateHttpResponse(too_many_requests(request, retry_after))


def consume_signup_address(request, email):
    """Count a sign-up for `email`; refuse the request past 3 per hour."""
    key = email.strip().lower()
    usage = allauth_ratelimit.consume(
        request, app=OUR_APP, action="signup_address", config=OUR_RATES, key=key
    )
    if not usage:
        refuse(
            request,
            retry_after(request, "signup_address", key, app=OUR_APP, config=OUR_RATES),
        )


def login_key(request, login):
    """The key allauth's adapter uses to count failed logins of one account."""
    return f"{get_current_site(request).domain}:{(login or '').lower()}"


def retry_after(request, action, key=None, *, app=ACCOUNT_APP, config=None):
    """Seconds until the exhausted limit(s) of `action` let one more attempt in."""
    return max(1, math.ceil(_wait(request, action, key, app=app, config=config)))


def _wait(request, action, key=None, *, app=ACCOUNT_APP, config=None):
    now = time.time()
    wait = 0
    for rate in allauth_ratelimit.get_rates(app=app, action=action, config=config):
        if rate.per == "key" and key is None:
            continue
        if rate.per == "user" and not request.user.is_authenticated:
            continue
        cache_key = allauth_ratelimit.get_cache_key(
            request, app=app, action=action, rate=rate, key=key
        )
        history = [t for t in cache.get(cache_key, []) if t > now - rate.duration]
        if len(history) >= rate.amount:
            # Newest first: the slot frees when the amount-th newest hit expires.
            wait = max(wait, history[rate.amount - 1] + rate.duration - now)
    return wait


# allauth views and the limits that guard them (action, where the key comes from).
VIEW_LIMITS = {
    "account_login": [("login", None), ("login_failed", "login")],
    "account_signup": [("signup", None)],
    "account_reset_password": [("reset_password", "email")],
    "account_reset_password_from_key": [("reset_password_from_key", None)],
    "account_change_password": [("change_password", None)],
    "account_set_password": [("change_password", None)],
    "account_email": [("manage_email", None)],
    "account_reauthenticate": [("reauthenticate", None)],
}


def handler429(request, exception=None):
    """`mystic.urls.handler429`: allauth's refusals, translated, with Retry-After."""
    match = getattr(request, "resolver_match", None)
    limits = VIEW_LIMITS.get(match.url_name if match else "", [])
    wait = 0
    for action, field in limits:
        key = None
        if field:
            value = request.POST.get(field, "")
            key = login_key(request, value) if field == "login" else value.lower()
        wait = max(wait, _wait(request, action, key))
    return too_many_requests(request, math.ceil(wait) or FALLBACK_RETRY_AFTER)
