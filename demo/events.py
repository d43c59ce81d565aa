"""Demo events in English and Spanish: one nearly full, one sold out, one online.

Translated through wagtail-localize like the demo courses (demo/localize.py);
the seats already taken are confirmed bookings of a demo attendee, so the pages
show "2 seats left" and "Sold out" as a visitor would see them.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from commerce.models import Price, Product
from demo.localize import translate
from events.models import Attendee, Booking, EventIndexPage, EventPage

INDEX = {
    "title": ("Events", "Eventos"),
    "slug": ("events", "eventos"),
}

EVENTS = [
    {
        "slug": ("silent-retreat-in-the-mountains", "retiro-de-silencio-en-la-montana"),
        "title": (
            "Silent retreat in the mountains",
            "Retiro de silencio en la montaña",
        ),
        "summary": (
            "Three days of silence, sitting and walking practice in the Sierra.",
            "Tres días de silencio, meditación sentada y caminando en la sierra.",
        ),
        "venue": ("Casa Arroyo retreat house", "Casa de retiros Casa Arroyo"),
        "address": (
            "Camino del Arroyo 4, Cercedilla, Spain",
            "Camino del Arroyo 4, Cercedilla, España",
        ),
        "in_days": 40,
        "hours": 54,
        "capacity": 12,
        "taken": 10,
        "prices": {"USD": 29000, "EUR": 26000},
        "mode": EventPage.IN_PERSON,
    },
    {
        "slug": ("breathwork-workshop-madrid", "taller-de-respiracion-madrid"),
        "title": ("Breathwork workshop in Madrid", "Taller de respiración en Madrid"),
        "summary": (
            "An afternoon of guided breathing practice for beginners.",
            "Una tarde de práctica guiada de respiración para principiantes.",
        ),
        "venue": ("Espacio Prana", "Espacio Prana"),
        "address": ("Calle de Atocha 80, Madrid", "Calle de Atocha 80, Madrid"),
        "in_days": 20,
        "hours": 4,
        "capacity": 8,
        "taken": 8,
        "prices": {"USD": 6000, "EUR": 5500},
        "mode": EventPage.IN_PERSON,
    },
    {
        "slug": ("full-moon-online-meditation", "meditacion-online-de-luna-llena"),
        "title": ("Full moon online meditation", "Meditación online de luna llena"),
        "summary": (
            "Meditate together from home: ninety minutes, live, with questions.",
            "Medita en compañía desde casa: noventa minutos en directo, con preguntas.",
        ),
        "venue": ("", ""),
        "address": ("", ""),
        "in_days": 10,
        "hours": 1.5,
        "capacity": 50,
        "taken": 0,
        "prices": {"USD": 0, "EUR": 0},
        "mode": EventPage.ONLINE,
    },
]


def _pairs(data, keys):
    return {data[key][0]: data[key][1] for key in keys if data[key][0]}


def build_events(english_home):
    """The events index and the three demo events (idempotent)."""
    en = english_home.locale
    es = Locale.objects.get(language_code="es")
    index = EventIndexPage.objects.child_of(english_home).first()
    if index is None:
        index = english_home.add_child(
            instance=EventIndexPage(title=INDEX["title"][0], slug=INDEX["slug"][0])
        )
        index.save_revision().publish()
    if not index.has_translation(es):
        translate(index, es, _pairs(INDEX, ["title", "slug"]))
    attendee = _demo_attendee()
    start = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
    for data in EVENTS:
        page = EventPage.objects.child_of(index).filter(slug=data["slug"][0]).first()
        if page is None:
            starts = start + timedelta(days=data["in_days"])
            page = index.add_child(
                instance=EventPage(
                    title=data["title"][0],
                    slug=data["slug"][0],
                    summary=data["summary"][0],
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=data["hours"]),
                    time_zone="Europe/Madrid",
                    mode=data["mode"],
                    venue=data["venue"][0],
                    address=data["address"][0],
                    join_url="https://meet.example.com/full-moon"
                    if data["mode"] == EventPage.ONLINE
                    else "",
                    capacity=data["capacity"],
                    refund_days_before=7,
                    locale=en,
                )
            )
            page.save_revision().publish()
            page.refresh_from_db()
        if not page.has_translation(es):
            translate(
                page, es, _pairs(data, ["title", "slug", "summary", "venue", "address"])
            )
        product = Product.objects.get(translation_key=page.translation_key)
        for currency, amount in data["prices"].items():
            Price.objects.get_or_create(
                product=product, currency=currency, defaults={"amount_minor": amount}
            )
        if data["taken"] and not Booking.objects.filter(product=product).exists():
            booking = Booking.objects.create(
                product=product,
                user=attendee,
                seats=data["taken"],
                status=Booking.CONFIRMED,
                confirmed_at=timezone.now(),
            )
            Attendee.objects.bulk_create(
                Attendee(booking=booking, name=f"Demo guest {n + 1}")
                for n in range(data["taken"])
            )
    return index


def _demo_attendee():
    user = User.objects.filter(email="guests@example.com").first()
    return user or User.objects.create_user(
        email="guests@example.com", password=None, name="Demo guests"
    )
