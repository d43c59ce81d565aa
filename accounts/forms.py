"""Forms of the learner's account pages (allauth's own forms cover the rest)."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import context
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accounts import ratelimits


class SignupForm(AllauthSignupForm):
    """allauth's sign-up with a name, limited to 3 sign-ups per address an hour."""

    name = forms.CharField(
        label=_("Name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    field_order = ["name", "email", "password1", "password2"]

    def clean_email(self):
        # Counted before allauth's checks, so "already registered" attempts count.
        ratelimits.consume_signup_address(context.request, self.cleaned_data["email"])
        return super().clean_email()


class ProfileForm(forms.ModelForm):
    """Name and the language of every email we send from now on."""

    class Meta:
        model = get_user_model()
        fields = ["name", "preferred_language"]
        labels = {"name": _("Name"), "preferred_language": _("Language of our emails")}


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data will be erased."),
    )
