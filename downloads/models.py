"""Digital products: pages in the tree, and who may fetch their files.

`DownloadIndexPage` → `DownloadPage` (/en/downloads/…, /es/descargas/…) are
catalog pages like courses: bilingual through wagtail-localize, prices in Shop →
Prices (a `commerce.Product` of kind "download"), the same go-live price
check. The file itself lives in the private store; a `DownloadGrant` (one per
buyer and product, opened by fulfilment, closed by a refund) lets its holder
fetch it through signed links (`downloads/links.py`), each fetch a
`DownloadLog` row that staff read in the admin.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.models.querysets import without_unpublished_ancestors
from cms.page_mixins import (
    AnonymousPreviewMixin,
    DraftReadersMixin,
    SharedLinkResponsesMixin,
)
from cms.publishing.go_live_checks import GoLiveCheckedPageForm
from operations.private_storage import PrivateFileInput, private_storage


class DownloadQuerySet(PageQuerySet):
    def listable(self, locale=None):
        """Products offered in the catalog and search: live, public, not
        expired, under live pages; newest first. The one rule."""
        queryset = without_unpublished_ancestors(
            self.live()
            .public()
            .filter(expired=False)
            .exclude(expire_at__lte=timezone.now())
        ).order_by("-first_published_at", "-pk")
        return queryset if locale is None else queryset.filter(locale=locale)

    def for_cards(self):
        """Ready for product cards: locale, no description."""
        return self.select_related("locale").defer("description")


DownloadManager = PageManager.from_queryset(DownloadQuerySet)


class DownloadIndexPage(DraftReadersMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["downloads.DownloadPage"]
    max_count_per_parent = 1
    template = "downloads/download_index_page.html"

    class Meta:
        verbose_name = _("downloads index")

    def products(self):
        """The live digital products under this index, newest first."""
        return DownloadPage.objects.listable().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = self.products()
        return context


class DownloadPage(
    DraftReadersMixin, SharedLinkResponsesMixin, AnonymousPreviewMixin, Page
):
    AUDIO, EBOOK, PDF, VIDEO = "audio", "ebook", "pdf", "video"
    KIND_CHOICES = [
        (AUDIO, _("Audio")),
        (EBOOK, _("Ebook")),
        (PDF, _("PDF")),
        (VIDEO, _("Video")),
    ]

    kind = models.CharField(_("kind"), max_length=8, choices=KIND_CHOICES)
    summary = models.TextField(_("summary"), blank=True)
    description = RichTextField(_("description"), blank=True)
    file = models.FileField(
        _("file"),
        storage=private_storage,
        upload_to="downloads/",
        max_length=255,
        help_text=_("What buyers download. Private: never at a public address."),
    )
    file_size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    sample = models.FileField(
        _("public sample"),
        upload_to="downloads/samples/",
        blank=True,
        max_length=255,
        help_text=_("A short excerpt anyone may play or read, before buying."),
    )
    download_limit = models.PositiveIntegerField(
        _("downloads per purchase"),
        null=True,
        blank=True,
        help_text=_("Leave empty for unlimited downloads."),
    )

    base_form_class = GoLiveCheckedPageForm
    content_panels = [
        *Page.content_panels,
        "summary",
        "description",
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("file", widget=PrivateFileInput),
                "sample",
                "download_limit",
            ],
            heading=_("File"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("file"),
        SynchronizedField("sample"),
        SynchronizedField("download_limit"),
    ]
    parent_page_types = ["downloads.DownloadIndexPage"]
    subpage_types = []
    template = "downloads/download_page.html"

    objects = DownloadManager()

    class Meta:
        verbose_name = _("digital product")

    def save(self, *args, **kwargs):
        if self.file:
            try:
                self.file_size = self.file.size
            except OSError:
                pass  # the stored file went missing: keep the last known size
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = getattr(request, "user", None)
        context["owned"] = bool(
            user
            and user.is_authenticated
            and DownloadGrant.objects.active()
            .filter(user=user, product__translation_key=self.translation_key)
            .exists()
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(request, "user", None) and request.user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        return response

    @property
    def file_name(self):
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""


class DownloadGrantQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class DownloadGrant(models.Model):
    """One buyer may download one product; a refund revokes it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buyer"),
        on_delete=models.CASCADE,
        related_name="download_grants",
    )
    product = models.ForeignKey(
        "commerce.Product",
        verbose_name=_("product"),
        on_delete=models.PROTECT,
        related_name="download_grants",
    )
    order = models.ForeignKey(
        "commerce.Order",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="download_grants",
    )
    source = models.CharField(_("source"), max_length=16)
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("granted at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = DownloadGrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("download grant")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "product"], name="downloads_one_grant_per_product"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.product}"


class DownloadLog(models.Model):
    """Who downloaded which file, when and from where: read by staff."""

    grant = models.ForeignKey(
        DownloadGrant,
        verbose_name=_("grant"),
        on_delete=models.CASCADE,
        related_name="logs",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buyer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    product = models.ForeignKey(
        "commerce.Product",
        verbose_name=_("product"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    file_name = models.CharField(_("file"), max_length=255)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    link_id = models.CharField(max_length=32, db_index=True, editable=False)
    downloaded_at = models.DateTimeField(
        _("downloaded at"), default=timezone.now, db_index=True
    )

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("download log")
        ordering = ["-downloaded_at"]

    def __str__(self):
        return f"{self.file_name} ({self.user})"
