"""Wagtail's users admin (/admin/users/) for our user model.

Wagtail's stock forms require `first_name` and `last_name`; our learners have one
`name` and a preferred language, so staff edit those instead. First/last name stay
in the table (inherited from `AbstractUser`) but nothing in the site uses them.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

User = get_user_model()
FIELDS = ["email", "name", "preferred_language", "is_superuser", "groups"]


class AccountUserCreationForm(UserCreationForm):
    first_name = None
    last_name = None
    name = forms.CharField(label=_("Name"), max_length=150, required=True)

    class Meta(UserCreationForm.Meta):
        fields = FIELDS


class AccountUserEditForm(UserEditForm):
    first_name = None
    last_name = None
    name = forms.CharField(label=_("Name"), max_length=150, required=True)

    class Meta(UserEditForm.Meta):
        fields = [*FIELDS, "is_active"]


class UserViewSet(WagtailUserViewSet):
    create_template_name = "accounts/admin/user_create.html"
    edit_template_name = "accounts/admin/user_edit.html"

    def get_form_class(self, for_update=False):
        return AccountUserEditForm if for_update else AccountUserCreationForm
