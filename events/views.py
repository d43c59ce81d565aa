"""Learner pages of events: book (into the cart), my bookings, cancel.

Views parse, call events/booking.py and answer; bad input gets a message in the
learner's language and a redirect back, never a 500.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from events import booking as bookings
from events.models import Booking, EventPage


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
