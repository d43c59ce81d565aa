"""`Event` JSON-LD (https://schema.org/Event) with offers and availability.

Only what the page shows: times, place or online, price in the reader's
currency, and whether seats are left.
"""

from django.conf import settings

from cms.seo import absolute_page_url
from commerce.catalog import product_for_page
from commerce.money import currency_for_language, to_decimal
from commerce.pricing import price_of


def event_json_ld(page, request, seats_left):
    url = absolute_page_url(page, request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "inLanguage": page.locale.language_code,
        "startDate": page.local_start.isoformat(),
        "endDate": page.local_end.isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if page.cancelled_at
        else "https://schema.org/EventScheduled",
        "organizer": {
            "@type": "Organization",
            "name": getattr(settings, "WAGTAIL_SITE_NAME", "Mystic Courses"),
            "url": getattr(settings, "SITE_URL", ""),
        },
    }
    if page.is_online:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation", "url": url}
    else:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["location"] = {
            "@type": "Place",
            "name": page.venue,
            "address": page.address or page.venue,
        }
    product = product_for_page(page)
    money = (
        price_of(product, currency_for_language(page.locale.language_code))
        if (product)
        else None
    )
    if money is not None:
        data["offers"] = {
            "@type": "Offer",
            "url": url,
            "price": str(to_decimal(money.amount_minor, money.currency)),
            "priceCurrency": money.currency,
            "availability": "https://schema.org/InStock"
            if seats_left > 0
            else "https://schema.org/SoldOut",
        }
    return data
