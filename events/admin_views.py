"""Staff screens for events: seats at a glance, attendee lists with check-in,
CSV export, a message to the attendees and cancelling an event.

Reading needs `events.view_booking`, changing `events.change_booking` (Shop
staff have both, migration 0002); every view checks, whatever the menu shows.
"""

import csv
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, Sum
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from commerce.catalog import product_for_page
from events import booking as bookings
from events import emails
from events.models import Attendee, Booking, EventPage, WaitingListEntry, event_page

VIEW, CHANGE = "events.view_booking", "events.change_booking"


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def staff_action(view):
    """A change: refused without `events.change_booking` first, then anything
    but POST (405), so a GET never tells anyone more than a refusal."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        _require(request, CHANGE)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, *args, **kwargs)

    return checked


def _source_event(event_id):
    if not str(event_id).isdigit():
        raise Http404
    return get_object_or_404(EventPage, pk=int(event_id))


def seat_counts(page):
    """(confirmed, held now, left) for one event; seats kept for an open
    waiting-list offer count as held."""
    product = product_for_page(page)
    if product is None:
        return 0, 0, page.capacity
    now = timezone.now()
    counts = Booking.objects.filter(product=product).aggregate(
        confirmed=Sum("seats", filter=Q(status=Booking.CONFIRMED)),
        held=Sum("seats", filter=Q(status=Booking.HELD, hold_expires_at__gt=now)),
    )
    confirmed, held = counts["confirmed"] or 0, counts["held"] or 0
    held += WaitingListEntry.objects.seats_offered(product.pk, now=now)
    return confirmed, held, max(page.capacity - confirmed - held, 0)


def index(request):
    _require(request, VIEW)
    pages = list(
        EventPage.objects.filter(locale=Locale.get_default()).order_by("-starts_at")
    )
    _in_admin_language(pages)
    rows = [(page, *seat_counts(page)) for page in pages]
    return render(request, "events/admin/index.html", {"rows": rows})


def _in_admin_language(pages):
    """Staff read each event's title in their admin language when it is
    translated (`page.admin_title`), else in the source's."""
    titles = dict(
        EventPage.objects.filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__language_code=translation.get_language(),
        ).values_list("translation_key", "title")
    )
    for page in pages:
        page.admin_title = titles.get(page.translation_key, page.title)
    return pages


def _attendees(page):
    product = product_for_page(page)
    return (
        Attendee.objects.filter(
            booking__product=product, booking__status=Booking.CONFIRMED
        )
        .select_related("booking__user", "booking__order")
        .order_by("name", "pk")
    )


def attendees(request, event_id):
    _require(request, VIEW)
    page = _source_event(event_id)
    people = _attendees(page)
    if request.GET.get("export") == "csv":
        return _csv(page, people)
    confirmed, held, left = seat_counts(page)
    _in_admin_language([page])
    return render(
        request,
        "events/admin/attendees.html",
        {
            "event": page,
            "attendees": people,
            "confirmed": confirmed,
            "held": held,
            "left": left,
            "can_change": request.user.has_perm(CHANGE),
        },
    )


def _csv(page, people):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="attendees-{page.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow(["name", "booked_by", "language", "order", "checked_in_at"])
    for person in people:
        booking = person.booking
        writer.writerow(
            [
                _cell(person.name),
                booking.user.email,
                booking.language,
                booking.order.number if booking.order else "",
                person.checked_in_at.isoformat() if person.checked_in_at else "",
            ]
        )
    return response


def _cell(text):
    """No spreadsheet formulas from a name typed by a learner."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


@staff_action
def check_in(request, attendee_id):
    if not str(attendee_id).isdigit():
        raise Http404
    person = get_object_or_404(Attendee, pk=int(attendee_id))
    person.checked_in_at = None if person.checked_in_at else timezone.now()
    person.save(update_fields=["checked_in_at"])
    page = event_page(person.booking.product)
    return redirect("events_admin_attendees", event_id=page.pk)


@staff_action
def message(request, event_id):
    """Email every confirmed booking, each wrapped in its booker's language."""
    page = _source_event(event_id)
    subject = " ".join(request.POST.get("subject", "").split())[:150]
    body = request.POST.get("body", "")[:5000].strip()
    if not subject or not body:
        messages.error(request, _("Write a subject and a message."))
        return redirect("events_admin_attendees", event_id=page.pk)
    sent = 0
    for booking in Booking.objects.filter(
        product=product_for_page(page), status=Booking.CONFIRMED
    ).select_related("user"):
        emails.queue_message(booking, subject, body)
        sent += 1
    messages.success(
        request,
        ngettext(
            "Message sent to %(count)d booking.",
            "Message sent to %(count)d bookings.",
            sent,
        )
        % {"count": sent},
    )
    return redirect("events_admin_attendees", event_id=page.pk)


@staff_action
def cancel_event(request, event_id):
    """Cancel the event in every language and refund every booking in full."""
    page = _source_event(event_id)
    now = timezone.now()
    for version in page.get_translations(inclusive=True).specific():
        version.cancelled_at = now
        # Shop staff may cancel without page rights: the event's own rule.
        version.save_revision(user=request.user).publish(
            user=request.user, skip_permission_checks=True
        )
    refunded = 0
    for booking in Booking.objects.filter(
        product=product_for_page(page), status=Booking.CONFIRMED
    ):
        refunded += bookings.cancel(booking, refund=True, by_event=True)
    messages.success(
        request,
        _("Event cancelled; %(count)d refunds requested.") % {"count": refunded},
    )
    return redirect("events_admin_attendees", event_id=page.pk)
