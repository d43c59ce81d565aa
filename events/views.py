"""Learner pages of events: book (into the cart), my bookings, cancel.

Views parse, call events/booking.py and answer; bad input gets a message in the
learner's language and a redirect back, never a 500.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from commerce.catalog import product_for_page
from events import booking as bookings
from events import waiting
from events.models import Booking, EventPage, event_page


def _event(page_id):
    if not str(page_id).isdigit():
        raise Http404
    return get_object_or_404(EventPage.objects.live(), pk=int(page_id))


@require_POST
def book(request, page_id):
    """The book form on an event page: attendees into the cart."""
    page = _event(page_id)
    if not request.user.is_authenticated:
        messages.info(request, _("Sign in or create an account to book."))
        return redirect(f"{reverse('account_login')}?next={page.url}")
    form = bookings.BookForm(request.POST, request.POST.getlist("name"))
    try:
        if not form.is_valid():
            raise bookings.BookingError(" ".join(_errors(form)))
        bookings.put_in_cart(
            request, page, form.cleaned_data["seats"], form.cleaned_data["names"]
        )
    except bookings.BookingError as error:
        messages.error(request, str(error))
        return redirect(page.url)
    messages.success(request, _("“%(title)s” is in your cart.") % {"title": page.title})
    return redirect("commerce:cart")


@require_POST
def wait(request, page_id):
    """Sold out: join the waiting list for 1–10 seats."""
    page = _event(page_id)
    if not request.user.is_authenticated:
        messages.info(request, _("Sign in or create an account to book."))
        return redirect(f"{reverse('account_login')}?next={page.url}")
    form = bookings.WaitForm(request.POST)
    product = product_for_page(page)
    if not form.is_valid() or product is None or page.closed_reason():
        messages.error(
            request, page.closed_reason() or " ".join(_errors(form)) or _("Unknown.")
        )
        return redirect(page.url)
    waiting.join(
        request.user, product, form.cleaned_data["seats"], page.locale.language_code
    )
    messages.success(
        request,
        _("You are on the waiting list; we will email you if seats become free."),
    )
    return redirect(page.url)


@require_GET
def claim(request, token):
    """The link in a waiting-list offer: back to the event, where the seats kept
    for the learner can be booked until the offer expires."""
    entry = waiting.entry_for_token(token[:500])
    if entry is None:
        messages.error(request, _("This offer has expired or is not valid."))
        return redirect("/")
    page = event_page(entry.product, translation.get_language())
    if not request.user.is_authenticated:
        messages.info(request, _("Sign in to book the seats kept for you."))
        return redirect(f"{reverse('account_login')}?next={request.path}")
    if request.user.pk != entry.user_id:
        messages.error(request, _("This offer was sent to another account."))
    elif entry.claimed_at is None:
        messages.success(request, _("Seats are free for you: book them now."))
    return redirect(page.url)


def _errors(form):
    return [str(error) for errors in form.errors.values() for error in errors]


@login_required
@require_GET
def my_bookings(request):
    return render(
        request,
        "events/my_bookings.html",
        {"bookings": bookings.upcoming_for(request.user), "now": timezone.now()},
    )


@login_required
@require_POST
def cancel(request, booking_id):
    """Cancel one's own booking; someone else's is a 404."""
    if not str(booking_id).isdigit():
        raise Http404
    booking = get_object_or_404(
        Booking, pk=int(booking_id), user=request.user, status=Booking.CONFIRMED
    )
    try:
        refunded = bookings.cancel(booking)
    except bookings.BookingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Your booking is cancelled; the refund is on its way.")
            if refunded
            else _("Your booking is cancelled."),
        )
    return redirect("events:my_bookings")
