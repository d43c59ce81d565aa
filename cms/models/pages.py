"""The catalog's page types: CourseIndexPage → CoursePage → LessonPage.

Pages are Wagtail's standard `Page`, fenced with `parent_page_types` /
`subpage_types` so editors can only build the shape the storefront expects.
Structural fields (level, durations, category, free preview) are synchronised from
the English source by wagtail-localize rather than retranslated; see
docs/decisions/0010-course-content-model.md.
"""

import mimetypes

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.access import share_token, viewer_context
from cms.blocks import ContentBlock, ListItemsBlock
from cms.catalog import CatalogFilters, catalog_context
from cms.levels import Level
from cms.models.querysets import CourseManager
from cms.models.snippets import Category, InstructorLink, instructors_in_language
from cms.page_mixins import (
    DraftReadersMixin,
    LearnerPreviewMixin,
    SharedLinkResponsesMixin,
)
from cms.publishing.go_live_checks import GoLiveCheckedPageForm
from cms.video import embed_url
from operations.private_storage import PrivateFileInput, private_storage


class CourseIndexPage(DraftReadersMixin, Page):
    """The catalog: live courses of its language, filtered and paginated."""

    intro = RichTextField(_("intro"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cms.CoursePage"]
    max_count_per_parent = 1
    template = "cms/course_index_page.html"

    class Meta:
        verbose_name = _("course catalog")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = CoursePage.objects.visible(self.locale_id).child_of(self)
        categories = Category.objects.filter(locale_id=self.locale_id)
        context.update(
            catalog_context(request, courses.for_cards(), categories, self.locale_id)
        )
        return context

    def serve(self, request, *args, **kwargs):
        """Events and downloads listed here (`?kind=`) are not purged from shared
        caches when they change (nor when an event ends): never share those."""
        response = super().serve(request, *args, **kwargs)
        if request.GET.get("kind", CatalogFilters.DEFAULT_KIND) not in (
            CatalogFilters.DEFAULT_KIND,
            "",
        ):
            patch_cache_control(response, private=True, no_cache=True)
        return response


class CoursePage(
    DraftReadersMixin, SharedLinkResponsesMixin, LearnerPreviewMixin, Page
):
    """A course: what it teaches, who teaches it, and its lessons in order."""

    subtitle = models.CharField(_("subtitle"), max_length=160, blank=True)
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences for cards, search results and Google."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image_alt = models.CharField(
        _("cover image alt text"),
        max_length=200,
        blank=True,
        help_text=_("Describe the image for people who cannot see it (required)."),
    )
    body = StreamField(ContentBlock(), blank=True, verbose_name=_("body"))
    learning_outcomes = StreamField(
        ListItemsBlock(), blank=True, verbose_name=_("what you will learn")
    )
    prerequisites = StreamField(
        ListItemsBlock(), blank=True, verbose_name=_("prerequisites")
    )
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.ALL
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), default=0, help_text=_("Total running time.")
    )
    category = models.ForeignKey(
        "cms.Category",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )

    content_panels = [
        *Page.content_panels,
        "subtitle",
        "summary",
        MultiFieldPanel(["cover_image", "cover_image_alt"], heading=_("Cover image")),
        "body",
        "learning_outcomes",
        "prerequisites",
        MultiFieldPanel(["level", "duration_minutes", "category"], heading=_("Facts")),
        InlinePanel("course_instructors", label=_("Instructors")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("level"),
        index.FilterField("category"),
        index.FilterField("duration_minutes"),
    ]
    override_translatable_fields = [
        SynchronizedField("level"),
        SynchronizedField("duration_minutes"),
        SynchronizedField("cover_image"),
    ]
    parent_page_types = ["cms.CourseIndexPage"]
    subpage_types = ["cms.LessonPage"]
    template = "cms/course_page.html"
    # Other apps may stop a course going live (commerce: no price).
    base_form_class = GoLiveCheckedPageForm

    objects = CourseManager()

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        if self.cover_image_id and not self.cover_image_alt.strip():
            raise ValidationError(
                {"cover_image_alt": _("Describe the cover image for screen readers.")}
            )

    def live_lessons(self):
        """The course's live lessons in editor order, bodies not loaded."""
        return list(
            LessonPage.objects.child_of(self)
            .live()
            .order_by("path")
            .defer_streamfields()
        )

    def localized_instructors(self):
        """The course's instructors, in order, in the course's language."""
        return instructors_in_language(self.course_instructors, self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        viewer = viewer_context(request)
        enrolled = viewer.enrolled_in(request, self)

        def lessons_with_locks():
            lessons = self.live_lessons()
            for lesson in lessons:
                lesson.locked = not viewer.can_view(request, lesson)
            return lessons

        # Lazy: when the shared fragments come from the cache, none of this is
        # read (templates/cms/course_page.html, speedups/render_cache.py).
        lessons = SimpleLazyObject(lessons_with_locks)
        context.update(
            viewer=viewer,
            lessons=lessons,
            viewer_enrolled=enrolled,
            lessons_open=viewer.opens_every_lesson(request, self, enrolled=enrolled),
            instructors=SimpleLazyObject(self.localized_instructors),
        )
        return context


class CourseInstructor(InstructorLink):
    page = ParentalKey(
        CoursePage, on_delete=models.CASCADE, related_name="course_instructors"
    )


class LessonPage(
    DraftReadersMixin, SharedLinkResponsesMixin, LearnerPreviewMixin, Page
):
    """One lesson of a course; only free previews are open to everyone for now."""

    body = StreamField(ContentBlock(), blank=True, verbose_name=_("body"))
    video_url = models.URLField(
        _("video URL"), blank=True, help_text=_("YouTube or Vimeo address.")
    )
    # The lesson's own video or audio, in the private store: played only by
    # those who may open the lesson (learning/media.py streams it).
    media_file = models.FileField(
        _("video or audio file"),
        storage=private_storage,
        upload_to="lessons/",
        blank=True,
        max_length=255,
        help_text=_(
            "Upload instead of a YouTube or Vimeo address: only enrolled "
            "learners (and everyone, for a free preview) can play it."
        ),
    )
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=0)
    is_free_preview = models.BooleanField(
        _("free preview"),
        default=False,
        help_text=_("Anyone may watch this lesson without buying the course."),
    )

    content_panels = [
        *Page.content_panels,
        "video_url",
        FieldPanel("media_file", widget=PrivateFileInput),
        "body",
        MultiFieldPanel(["duration_minutes", "is_free_preview"], heading=_("Facts")),
    ]
    # A paid lesson's body must never reach the search index (it would leak
    # through result snippets): `searchable_body` is empty unless it is free.
    search_fields = [
        *Page.search_fields,
        index.SearchField("searchable_body"),
        index.FilterField("is_free_preview"),
    ]
    override_translatable_fields = [
        SynchronizedField("duration_minutes"),
        SynchronizedField("is_free_preview"),
        SynchronizedField("video_url"),
        SynchronizedField("media_file"),
    ]
    parent_page_types = ["cms.CoursePage"]
    subpage_types = []
    template = "cms/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")

    def searchable_body(self):
        """The body's text when the lesson is a free preview, else nothing."""
        if not self.is_free_preview:
            return ""
        return " ".join(self.body.stream_block.get_searchable_content(self.body))

    @property
    def video_embed_url(self):
        return embed_url(self.video_url)

    @property
    def media_is_audio(self):
        """Play the uploaded file in <audio> rather than <video>."""
        kind = mimetypes.guess_type(self.media_file.name or "")[0] or ""
        return kind.startswith("audio/")

    def neighbours(self):
        """(previous, next) live sibling lessons, or None at either end."""
        siblings = LessonPage.objects.sibling_of(self, inclusive=False).live()
        fields = ("id", "title", "slug", "url_path", "path", "depth", "locale_id")
        previous = (
            siblings.filter(path__lt=self.path).order_by("-path").only(*fields).first()
        )
        following = (
            siblings.filter(path__gt=self.path).order_by("path").only(*fields).first()
        )
        return previous, following

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        viewer = viewer_context(request)
        # Lazy: the breadcrumb and the pager usually come from the fragment cache.
        neighbours = SimpleLazyObject(self.neighbours)
        context.update(
            viewer=viewer,
            course=SimpleLazyObject(lambda: self.get_parent().specific),
            can_view_body=viewer.can_view(request, self),
            # The media player's address carries a share link's token, so the
            # video the shared page shows plays for the link's holder.
            media_share=share_token(request),
            previous_lesson=SimpleLazyObject(lambda: neighbours[0]),
            next_lesson=SimpleLazyObject(lambda: neighbours[1]),
        )
        return context
