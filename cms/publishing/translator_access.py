"""Translators change translations, never the English originals (snippets too).

Pages are fenced by group page permissions (Translators hold permissions on the
Spanish tree only, decision 0042). Snippets have no tree, so Wagtail's model
permission `change_category` would let a translator edit the English row as well.
The rule here: editing or deleting a snippet in the default language (the source
every translation is made from) needs the permission to *create* that snippet
too; a translator, who may only change, edits the other languages.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import EditView

SOURCE_ACTIONS = ("change", "delete")


def is_source_content(instance):
    """Is `instance` a translatable row in the default (source) language?"""
    locale = getattr(instance, "locale", None)
    return locale is not None and locale.language_code == settings.LANGUAGE_CODE


class SourceNeedsAuthorPolicy(ModelPermissionPolicy):
    """Model permissions, except that only authors (add) touch source rows."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action in SOURCE_ACTIONS and is_source_content(instance):
            return self.user_has_permission(user, "add")
        return True

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if set(actions) <= set(SOURCE_ACTIONS) and not self.user_has_permission(
            user, "add"
        ):
            instances = instances.exclude(locale__language_code=settings.LANGUAGE_CODE)
        return instances


class TranslationOnlyEditView(EditView):
    """The snippet editor, refusing a translator the English original politely."""

    def dispatch(self, request, *args, **kwargs):
        instance = self.get_object()
        policy = self.permission_policy
        if policy.user_has_permission(
            request.user, "change"
        ) and not policy.user_has_permission_for_instance(
            request.user, "change", instance
        ):
            messages.error(
                request,
                _(
                    "You can edit only the translations of “%(object)s”, not the "
                    "English original. Pick its Spanish version in the list."
                )
                % {"object": instance},
            )
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)
