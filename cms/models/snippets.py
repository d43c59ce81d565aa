"""Translatable snippets: course categories and instructors (and a page's links
to its instructors).

Both use Wagtail's `TranslatableMixin`, so each language has its own row sharing a
`translation_key`; wagtail-localize translates them like pages. An instructor's name
and photo are the same in every language (synchronised); only the bio is translated.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.queries import localize_objects


class Category(TranslatableMixin, index.Indexed, models.Model):
    """A subject area of the catalog (Meditation, Yoga...), one row per language."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Used in catalog filter links, e.g. ?category=yoga."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = ["name", "slug", "description"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="cms_category_unique_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name


class Instructor(TranslatableMixin, index.Indexed, models.Model):
    """Someone who teaches courses; the bio is translated, name and photo are not."""

    name = models.CharField(_("name"), max_length=120)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = RichTextField(_("bio"), blank=True, features=["bold", "italic", "link"])

    panels = ["name", "photo", "bio"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [SynchronizedField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("instructor")
        verbose_name_plural = _("instructors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class InstructorLink(Orderable):
    """Who teaches a page (a course, an event), in the order the editor chose.

    Not translatable itself: a Spanish page keeps pointing at the source
    instructors and shows their Spanish versions (`instructors_in_language`).
    A subclass adds `page`, its ParentalKey.
    """

    instructor = models.ForeignKey(
        "cms.Instructor",
        verbose_name=_("instructor"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("instructor")]

    class Meta(Orderable.Meta):
        abstract = True


def instructors_in_language(links, locale_id):
    """The instructors of `links` (an InstructorLink queryset), in order, in the
    language of `locale_id`."""
    chosen = links.select_related("instructor")
    return localize_objects([link.instructor for link in chosen], locale_id)
