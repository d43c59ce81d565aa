"""Editor admin for the catalog's snippets: categories and instructors.

Registered as snippet viewsets so wagtail-localize adds its "Translate" actions,
grouped under one "Catalog" menu item. Translators edit only the translations
(cms/publishing/translator_access.py).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import Category, Instructor
from cms.publishing.translator_access import (
    SourceNeedsAuthorPolicy,
    TranslationOnlyEditView,
)

for _snippet_model in (Category, Instructor):
    register_permission_policy(_snippet_model, SourceNeedsAuthorPolicy(_snippet_model))


class CategoryViewSet(SnippetViewSet):
    model = Category
    edit_view_class = TranslationOnlyEditView
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name", "slug"]
    list_filter = ["locale"]
    search_fields = ["name"]


class InstructorViewSet(SnippetViewSet):
    model = Instructor
    edit_view_class = TranslationOnlyEditView
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
