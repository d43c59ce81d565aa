"""Learner-facing pages: cart, checkout, confirmation, my courses, my orders.

Views parse the request, call the rules in cart/coupons/orders/gateway, and
answer; no rule lives here. Every write is a plain form POST.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from accounts.verification import has_verified_email
from commerce import cart as carts
from commerce import conf, coupons, entitlements, fulfilment, gateway, orders
from commerce.catalog import course_page, product_title
from commerce.forms import product_id_from
from commerce.models import Enrollment, Order, Product
from commerce.money import currency_for_language
from operations import ratelimit
from operations.same_origin import refuse_cross_site_posts

log = logging.getLogger(__name__)

STRIPE_SHORTEST_SESSION = timedelta(minutes=30)


def _product_from_post(request):
    product_id = product_id_from(request.POST)
    if product_id is None:
        return None
    return Product.objects.filter(pk=product_id).first()


def _course_page(product):
    """The course page to show a product as a card (cover, link), or None."""
    page = course_page(product)
    return page.specific if page is not None else None


def _back(request, default):
    target = request.POST.get("next") or default
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _coupon_for(request, currency, product_ids):
    code = request.session.get(carts.COUPON_SESSION_KEY)
    if not code:
        return None
    try:
        user = request.user if request.user.is_authenticated else None
        return coupons.validate_code(code, user, currency, product_ids)
    except coupons.CouponError as error:
        request.session.pop(carts.COUPON_SESSION_KEY, None)
        messages.warning(request, str(error))
        return None


def _contents(request):
    currency = currency_for_language()
    coupon = _coupon_for(request, currency, carts.product_ids(request))
    contents = carts.contents(request, currency, coupon)
    for notice in contents.notices:
        messages.warning(request, notice)
    return contents


def allow_checkout_redirect(response):
    """The page holding the checkout form lets it land on the Checkout host.

    A form's CSP `form-action` also governs the redirects after the post, so
    the cart's policy must name where checkout redirects (conf.checkout_origin):
    Stripe, or the configured stand-in. Every other page allows only 'self'.
    """
    policy = getattr(response, "_csp_config", None) or settings.SECURE_CSP
    response._csp_config = {
        **policy,
        "form-action": [*policy.get("form-action", []), conf.checkout_origin()],
    }
    return response


@require_GET
def cart_view(request):
    contents = _contents(request)
    response = render(
        request,
        "commerce/cart.html",
        {
            "contents": contents,
            "summary": contents.summary,
            "cards": [
                {"line": line, "course": _course_page(line.product)}
                for line in contents.summary.lines
            ],
            "coupon_code": request.session.get(carts.COUPON_SESSION_KEY, ""),
        },
    )
    return allow_checkout_redirect(response)


@csrf_exempt
@refuse_cross_site_posts
@require_POST
def cart_add(request):
    """Put a course in the visitor's cart.

    Exempt from CSRF tokens on purpose: a token in the course page's Enroll form
    would keep every course page out of the anonymous page cache
    (speedups/page_cache.py). Posts from other sites are refused by what the
    browser says of their origin instead (operations/same_origin.py): without that, such
    a post (which carries no SameSite=Lax session cookie) would start a new
    session and sign the learner out.
    """
    product = _product_from_post(request)
    if product is None:
        return HttpResponseBadRequest(_("Unknown course."))
    try:
        carts.add(request, product)
    except carts.CartError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("“%(title)s” is in your cart.") % {"title": product_title(product)},
        )
    return redirect(_back(request, reverse("commerce:cart")))


@require_POST
def cart_remove(request):
    product_id = product_id_from(request.POST)
    if product_id is None:
        return HttpResponseBadRequest(_("Unknown course."))
    carts.remove(request, product_id)
    messages.info(request, _("The course left your cart."))
    return redirect("commerce:cart")


@require_POST
def cart_coupon(request):
    if request.POST.get("remove"):
        request.session.pop(carts.COUPON_SESSION_KEY, None)
        return redirect("commerce:cart")
    code = request.POST.get("code", "")[:40]
    user = request.user if request.user.is_authenticated else None
    try:
        coupon = coupons.validate_code(
            code, user, currency_for_language(), carts.product_ids(request)
        )
    except coupons.CouponError as error:
        messages.error(request, str(error))
    else:
        request.session[carts.COUPON_SESSION_KEY] = coupon.code
        messages.success(request, _("Coupon applied."))
    return redirect("commerce:cart")


@require_POST
def checkout(request):
    """One pending order for this cart, then off to Stripe's hosted checkout."""
    user = request.user
    if not user.is_authenticated:
        messages.info(request, _("Sign in or create an account to pay."))
        return redirect(f"{reverse('account_login')}?next={reverse('commerce:cart')}")
    if not has_verified_email(user):
        messages.warning(
            request, _("Please verify your email address before your first purchase.")
        )
        return redirect("account_email")
    limit, period = conf.checkout_rate_limit()
    decision = ratelimit.hit(
        "checkout", user.pk, limit=limit, period=period, fail_open=False
    )
    if not decision.allowed:
        return ratelimit.too_many_requests(request, decision.retry_after)
    contents = _contents(request)
    if contents.notices:
        return redirect("commerce:cart")  # the cart changed: let the learner see it
    if contents.is_empty:
        messages.info(request, _("Your cart is empty."))
        return redirect("commerce:cart")
    try:
        order, hold_until = _pending_order_with_holds(user, contents.summary)
    except coupons.CouponError as error:
        request.session.pop(carts.COUPON_SESSION_KEY, None)
        messages.error(request, str(error))
        return redirect("commerce:cart")
    except entitlements.Unavailable as error:
        messages.error(request, str(error))
        return redirect("commerce:cart")
    if order.total_minor == 0:
        fulfilment.fulfil(order)
        request.session.pop(carts.COUPON_SESSION_KEY, None)
        return redirect(f"{reverse('commerce:checkout_success')}?order={order.number}")
    if not order.stripe_session_url:
        try:
            session_id, url = gateway.create_checkout_session(
                order, request, expires_at=hold_until
            )
        except gateway.GatewayError:
            log.exception("Checkout session for %s failed", order.number)
            messages.error(
                request, _("Payment is unavailable right now. Please try again soon.")
            )
            return redirect("commerce:cart")
        order = orders.attach_session(order.pk, session_id, url)
    return HttpResponseRedirect(order.stripe_session_url, status=303)


def _pending_order_with_holds(user, summary):
    """The pending order for this cart with its seats held: (order, hold end).

    A limited line (event seats) is held before any payment, or refused with
    `entitlements.Unavailable` ("sold out"), which closes the order. An order
    whose hold lapsed is expired and replaced by a new one.
    """
    language = translation.get_language()
    for _attempt in range(2):
        order, _reused = orders.create_or_reuse_pending(user, summary, language)
        now = timezone.now()
        try:
            hold_until = entitlements.reserve_order(order, now + conf.hold_lifetime())
            if (
                hold_until is not None
                and not order.stripe_session_url
                and hold_until < now + STRIPE_SHORTEST_SESSION
            ):  # too late for a new Checkout Session to end with the hold
                raise entitlements.HoldLapsed(_("Please try again."))
            return order, hold_until
        except entitlements.HoldLapsed as error:
            orders.close_unpaid(order.pk, Order.EXPIRED, str(error))
        except entitlements.Unavailable as error:
            orders.close_unpaid(order.pk, Order.FAILED, str(error))
            raise
    raise entitlements.Unavailable(_("Please try again."))


@login_required
@require_GET
def checkout_success(request):
    """Where Stripe sends the learner back: fulfil now if Stripe says it is paid.

    The same `fulfil` as the webhook (Stripe's fulfilment guide), so a learner
    whose webhook is late still gets the course; a session that is not paid yet
    changes nothing and the page waits for the webhook, refreshing itself.
    """
    order = get_object_or_404(
        Order, number=request.GET.get("order", ""), user=request.user
    )
    session_id = request.GET.get("session_id", "")
    if (
        session_id
        and order.status == Order.PENDING
        and (session_id == order.stripe_session_id)
    ):
        try:
            fulfilment.fulfil(order, session_id=session_id)
        except gateway.GatewayError:
            log.warning("Stripe unreachable confirming %s", order.number)
        order.refresh_from_db()
    if order.status == Order.PAID:
        request.session.pop(carts.COUPON_SESSION_KEY, None)
    return render(
        request,
        "commerce/checkout_success.html",
        # What each kind bought says and where to find it, as in the email.
        {"order": order, "receipts": entitlements.receipts(order)},
    )


@require_GET
def checkout_cancel(request):
    messages.info(request, _("Payment cancelled. Your cart is just as you left it."))
    return redirect("commerce:cart")


@login_required
@require_GET
def my_courses(request):
    enrollments = (
        Enrollment.objects.active().filter(user=request.user).select_related("product")
    )
    items = [
        {"enrollment": enrollment, "page": _course_page(enrollment.product)}
        for enrollment in enrollments
    ]
    return render(request, "commerce/my_courses.html", {"items": items})


@login_required
@require_GET
def my_orders(request):
    user_orders = (
        Order.objects.filter(user=request.user)
        .exclude(status=Order.PENDING, stripe_session_id="")
        .prefetch_related("lines", "refunds")
    )
    return render(request, "commerce/my_orders.html", {"orders": user_orders})


@login_required
@require_GET
def order_detail(request, number):
    """An order and its receipt; someone else's order is a 404, never a 403."""
    order = get_object_or_404(
        Order.objects.prefetch_related("lines", "refunds"),
        number=number,
        user=request.user,
    )
    return render(request, "commerce/order_detail.html", {"order": order})
