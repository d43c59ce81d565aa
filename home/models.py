"""The home page of each language tree and the simple content pages under it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import ContentBlock
from cms.publishing.read_only import DraftReadersMixin
from home.sections import FEATURED_COURSES, home_sections
from speedups.routing import FastRouteMixin


class HomePage(DraftReadersMixin, FastRouteMixin, Page):
    """The root of one language's tree (`/en/`, `/es/`): hero and course sections.

    As the site root it routes every storefront URL (speedups/routing.py).
    """

    hero_heading = models.CharField(
        _("hero heading"),
        max_length=120,
        blank=True,
        help_text=_("The big line at the top; the page title when empty."),
    )
    intro = RichTextField(blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alt text"), max_length=200, blank=True
    )
    hero_cta_label = models.CharField(_("hero button label"), max_length=60, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            ["hero_heading", "intro", "hero_image", "hero_image_alt", "hero_cta_label"],
            heading=_("Hero"),
        ),
        InlinePanel(
            "featured_courses",
            label=_("Featured courses"),
            max_num=FEATURED_COURSES,
        ),
    ]
    max_count_per_parent = 1
    subpage_types = [
        "cms.CourseIndexPage",
        "downloads.DownloadIndexPage",
        "events.EventIndexPage",
        "home.StandardPage",
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self))
        return context


class HomeFeaturedCourse(Orderable):
    """An editor-picked course for the home page, shown in its visitor's language.

    The Spanish home page keeps the English picks (synchronised) and shows their
    Spanish translations, so marketing chooses once.
    """

    page = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_courses"
    )
    course = models.ForeignKey(
        "cms.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("course")]


class StandardPage(DraftReadersMixin, Page):
    """About, FAQ, contact, terms, privacy, refund policy: a title and a body."""

    intro = models.TextField(_("intro"), blank=True, max_length=400)
    body = StreamField(ContentBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, "intro", "body"]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
