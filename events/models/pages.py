"""EventIndexPage → EventPage: retreats and workshops beside the courses.

Times are stored in UTC and shown in the event's own time zone. Structural
fields (times, capacity, policy, join link) are synchronised from the English
source by wagtail-localize, so both languages sell the same seats; words
(title, summary, venue, address, body) are translated.
"""

import zoneinfo
from datetime import timedelta
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.models.querysets import without_unpublished_ancestors
from cms.models.snippets import InstructorLink, instructors_in_language
from cms.page_mixins import (
    AnonymousPreviewMixin,
    DraftReadersMixin,
    SharedLinkResponsesMixin,
)
from cms.publishing.go_live_checks import GoLiveCheckedPageForm
from commerce.catalog import product_for_page, remember_products
from events.models.bookings import Booking, WaitingListEntry

MAX_ATTENDEES = 10  # seats one booking may take


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone."))


class EventQuerySet(PageQuerySet):
    def visible(self, locale=None):
        """Events a visitor may find: live, public, under live pages."""
        queryset = without_unpublished_ancestors(
            self.live()
            .public()
            .filter(expired=False)
            .exclude(expire_at__lte=timezone.now())
        )
        return queryset if locale is None else queryset.filter(locale=locale)

    def upcoming(self):
        """Not over yet, soonest first: the catalog leaves past events out."""
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")

    def listable(self, locale=None):
        """Events offered in the catalog, search and sitemap: visible, not
        cancelled, not over; soonest first. The one rule (`EventPage.listed_until`
        says when a listed event stops being listable)."""
        return self.visible(locale).filter(cancelled_at__isnull=True).upcoming()

    def for_cards(self):
        """Ready for event cards: locale and cover, no bodies."""
        return self.select_related("locale", "cover_image").defer("body")

    def with_seats_left(self, now=None):
        """Each event's `seats_available` (as `seats_left()` counts it: capacity
        less confirmed, held and offered seats) in the same query."""
        now = now or timezone.now()
        same_event = {"product__translation_key": OuterRef("translation_key")}
        booked = _seat_sum(Booking.objects.filter(**same_event).taking_seats(now))
        offered = _seat_sum(WaitingListEntry.objects.filter(**same_event).holding(now))
        return self.annotate(
            seats_available=Greatest(
                F("capacity") - Coalesce(booked, 0) - Coalesce(offered, 0), 0
            )
        )


def _seat_sum(rows):
    """The seats of `rows` (correlated to one event) as a scalar subquery."""
    return Subquery(
        rows.order_by()
        .values("product__translation_key")
        .annotate(total=Sum("seats"))
        .values("total")[:1],
        output_field=models.IntegerField(),
    )


EventManager = PageManager.from_queryset(EventQuerySet)


class EventIndexPage(DraftReadersMixin, Page):
    """/en/events/, /es/eventos/: the upcoming events of its language."""

    intro = RichTextField(_("intro"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("event list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["events"] = remember_products(
            EventPage.objects.visible(self.locale_id)
            .child_of(self)
            .upcoming()
            .with_seats_left()
            .select_related("locale", "cover_image")
        )
        return context


class EventPage(
    DraftReadersMixin, SharedLinkResponsesMixin, AnonymousPreviewMixin, Page
):
    """A retreat or workshop with a venue (or a join link), seats and a policy."""

    IN_PERSON, ONLINE = "in_person", "online"
    MODES = [(IN_PERSON, _("In person")), (ONLINE, _("Online"))]

    summary = models.TextField(_("summary"), max_length=300)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(_("body"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Madrid",
        validators=[validate_time_zone],
        help_text=_(
            "Times are shown to visitors in this zone, e.g. America/Mexico_City."
        ),
    )
    mode = models.CharField(
        _("format"), max_length=16, choices=MODES, default=IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    join_url = models.URLField(
        _("join link"),
        blank=True,
        help_text=_("Online events: shown only to attendees with a confirmed booking."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), validators=[MaxValueValidator(100_000)]
    )
    booking_closes_at = models.DateTimeField(
        _("bookings close"),
        null=True,
        blank=True,
        help_text=_("Leave empty to take bookings until the event starts."),
    )
    refund_days_before = models.PositiveSmallIntegerField(
        _("full refund until (days before)"),
        default=7,
        help_text=_(
            "Attendees may cancel with a full refund until this many days "
            "before the start; after that, no refund."
        ),
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    base_form_class = GoLiveCheckedPageForm  # no event live without its prices
    content_panels = [
        *Page.content_panels,
        "summary",
        "cover_image",
        "body",
        MultiFieldPanel(
            [FieldRowPanel(["starts_at", "ends_at"]), "time_zone", "booking_closes_at"],
            heading=_("When"),
        ),
        MultiFieldPanel(["mode", "venue", "address", "join_url"], heading=_("Where")),
        MultiFieldPanel(
            ["capacity", "refund_days_before"], heading=_("Seats and policy")
        ),
        InlinePanel(
            "event_instructors", heading=_("Instructors"), label=_("Instructor")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("starts_at"),
    ]
    override_translatable_fields = [
        SynchronizedField("cover_image"),
        SynchronizedField("time_zone"),
        SynchronizedField("mode"),
        SynchronizedField("join_url"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"

    objects = EventManager()

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The event must end after it starts.")})
        if self.mode == self.ONLINE and not self.join_url:
            raise ValidationError({"join_url": _("An online event needs a join link.")})
        if self.mode == self.IN_PERSON and not self.venue:
            raise ValidationError({"venue": _("An event in person needs a venue.")})

    # -- facts the page, emails and calendar file share ---------------------
    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, self.zone)

    @property
    def listed_until(self):
        """When a listable event leaves the listings: at its end (or the page's
        expiry, if sooner). Search keeps this so past events drop out by
        themselves, without a signal."""
        if self.expire_at and self.expire_at < self.ends_at:
            return self.expire_at
        return self.ends_at

    @property
    def is_online(self):
        return self.mode == self.ONLINE

    @property
    def map_url(self):
        """OpenStreetMap's search for the address: a map link with no API key."""
        where = ", ".join(part for part in (self.venue, self.address) if part)
        if self.is_online or not where:
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": where})

    @property
    def bookings_close(self):
        return self.booking_closes_at or self.starts_at

    def refund_deadline(self):
        """Until when a cancellation gets a full refund."""
        return self.starts_at - timedelta(days=self.refund_days_before)

    def serve(self, request, *args, **kwargs):
        """Seats left change with every booking: never a shared cached copy."""
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_cache=True)
        return response

    def seats_left(self, *, excluding=None, offered_to=None):
        """Capacity less the seats confirmed, held now or kept for an open
        waiting-list offer (never below 0). Seats offered to `offered_to` are
        theirs to book, so they count as left for them."""
        product = product_for_page(self)
        if product is None:
            return self.capacity
        taken = Booking.objects.seats_taken(product.pk, excluding=excluding)
        offered = WaitingListEntry.objects.seats_offered(
            product.pk,
            except_user=offered_to if getattr(offered_to, "pk", None) else None,
        )
        return max(self.capacity - taken - offered, 0)

    def closed_reason(self, now=None):
        """Why nobody may book the event now, or "" if they may."""
        now = now or timezone.now()
        if self.cancelled_at:
            return gettext("This event was cancelled.")
        if self.starts_at <= now:
            return gettext("This event has already started; bookings are closed.")
        if self.bookings_close <= now:
            return gettext("Bookings for this event are closed.")
        return ""

    def localized_instructors(self):
        """Who teaches, in the editor's order, in the event's language (the
        Instructor snippets courses use)."""
        return instructors_in_language(self.event_instructors, self.locale_id)

    def offer_to(self, user):
        """`user`'s open waiting-list offer for this event, if any."""
        product = product_for_page(self)
        if not user.is_authenticated or product is None:
            return None
        return (
            WaitingListEntry.objects.holding()
            .filter(user=user, product=product)
            .first()
        )

    def waiting_of(self, user):
        """`user`'s place on this event's waiting list, while not offered yet."""
        product = product_for_page(self)
        if not user.is_authenticated or product is None:
            return None
        return (
            WaitingListEntry.objects.waiting()
            .filter(user=user, product=product)
            .first()
        )

    def bookings_of(self, user):
        """`user`'s confirmed bookings of this event."""
        product = product_for_page(self)
        if not user.is_authenticated or product is None:
            return []
        return list(
            Booking.objects.filter(
                user=user, product=product, status=Booking.CONFIRMED
            ).prefetch_related("attendees")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["seats_left"] = self.seats_left(offered_to=request.user)
        context["closed_reason"] = self.closed_reason()
        context["my_offer"] = self.offer_to(request.user)
        context["my_waiting"] = self.waiting_of(request.user)
        context["my_bookings"] = self.bookings_of(request.user)
        context["max_attendees"] = MAX_ATTENDEES
        context["instructors"] = self.localized_instructors()
        return context


class EventInstructor(InstructorLink):
    """An event's instructors: the same `cms.Instructor` snippets as courses."""

    page = ParentalKey(
        EventPage, on_delete=models.CASCADE, related_name="event_instructors"
    )


def event_page(product, language=None):
    """The event a product sells, in `language` if translated (live), else its
    source page. Capacity and times are synchronised, so either answers those."""
    source = product.course_page or (
        Page.objects.filter(translation_key=product.translation_key).first()
    )
    if language and (source is None or source.locale.language_code != language):
        translated = (
            EventPage.objects.live()
            .filter(
                translation_key=product.translation_key,
                locale__language_code=language,
            )
            .first()
        )
        if translated is not None:
            return translated
    return source.specific if source is not None else None
