"""`manage.py seed_shop`: demo prices for the demo courses (safe to run again).

Every course page without a price list gets one: $49.00 / 45,00 € (the first
course is free, to show enrolment without Stripe). Existing prices are kept.
"""

from django.core.management.base import BaseCommand
from wagtail.models import Locale, Page

from cms.models import CoursePage
from commerce.models import Price, Product

DEMO_PRICES = {"USD": 4900, "EUR": 4500}


class Command(BaseCommand):
    help = "Give the demo courses prices in USD and EUR (idempotent)."

    def handle(self, *args, **options):
        english = Locale.objects.filter(language_code="en").first()
        courses = CoursePage.objects.filter(locale=english).order_by("path")
        created = 0
        for index, course in enumerate(courses):
            page = Page.objects.get(pk=course.pk)
            product, new = Product.objects.get_or_create(
                translation_key=course.translation_key,
                defaults={"course_page": page, "title": course.title},
            )
            if not new:
                continue
            free = index == 0
            for currency, amount in DEMO_PRICES.items():
                Price.objects.create(
                    product=product,
                    currency=currency,
                    amount_minor=0 if free else amount,
                )
            created += 1
        self.stdout.write(self.style.SUCCESS(f"Demo prices in place ({created} new)."))
