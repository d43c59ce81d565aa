"""allauth, our way: emails through the outbox, in the learner's language;
failed-login limits answered with a 429; name and language saved at sign-up."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse, translate_url
from django.utils import translation

from accounts import mail, ratelimits

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def email_language(user=None):
    """The language of an email: the learner's preference, else the visitor's."""
    preferred = getattr(user, "preferred_language", None)
    if preferred in LANGUAGE_CODES:
        return preferred
    current = translation.get_language()
    return current if current in LANGUAGE_CODES else settings.LANGUAGE_CODE


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user.name = form.cleaned_data.get("name", "")
        user.preferred_language = email_language()
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        """Home, in the visitor's language (an explicit safe `next` wins)."""
        return f"/{email_language()}/"

    def get_signup_redirect_url(self, request):
        """The account page: it says how to verify the address."""
        return reverse("accounts:home")

    def get_logout_redirect_url(self, request):
        return f"/{email_language()}/"

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            login = credentials.get("email", credentials.get("username", ""))
            key = ratelimits.login_key(request, login)
            ratelimits.refuse(
                request, ratelimits.retry_after(request, "login_failed", key)
            )

    def send_mail(self, template_prefix, email, context):
        """Queue allauth's email in the recipient's language (never sends inline)."""
        user = context.get("user") or _user_for(email)
        language = email_language(user)
        request = allauth_context.request
        ctx = {
            "request": request,
            "email": email,
            "current_site": SimpleNamespace(
                name=mail.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc
            ),
            **context,
        }
        for name, value in list(ctx.items()):
            if name.endswith("_url") and isinstance(value, str):
                ctx[name] = translate_url(value, language)
        mail.queue_email(email, template_prefix, ctx, language=language)


def _user_for(email):
    return get_user_model().objects.filter(email__iexact=email).first()
