"""Editor admin for the catalog's snippets: categories and instructors.

Registered as snippet viewsets so wagtail-localize adds its "Translate" actions,
grouped under one "Catalog" menu item.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import Category, Instructor


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name", "slug"]
    list_filter = ["locale"]
    search_fields = ["name"]


class InstructorViewSet(SnippetViewSet):
    model = Instructor
    icon = "user"
    menu_label = _("Instructors")
    list_display = ["name"]
    list_filter = ["locale"]
    search_fields = ["name"]


class CatalogViewSetGroup(SnippetViewSetGroup):
    items = (CategoryViewSet, InstructorViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Catalog")
    menu_name = "catalog"


register_snippet(CatalogViewSetGroup)
