from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"

    def ready(self):
        from cms import listing, ordering
        from cms.models import CoursePage

        ordering.connect_signals()
        listing.register(
            listing.ListingKind(
                key="course",
                label=_("Course"),
                plural=_("Courses"),
                model=CoursePage,
                listable=lambda locale: (
                    CoursePage.objects.visible(locale)
                    .for_cards()
                    .order_by("-first_published_at", "-pk")
                ),
                card_template="includes/course_card.html",
                position=0,
            )
        )
