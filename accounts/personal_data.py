"""What we hold about a learner: exported as JSON, or erased on request.

Each app that stores personal data registers two callables here, usually in its
`AppConfig.ready()`:

    from accounts import personal_data
    personal_data.register("orders", exporter=export_orders, eraser=forget_orders)

`exporter(user) -> dict | list` returns JSON-serialisable data of *that* user only;
`eraser(user)` removes or detaches the person from the app's rows (commerce keeps
orders for accounting with the person removed, and ends enrollments). Erasers run
inside the same transaction as the anonymisation of the account, before it.
"""

import uuid
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import logout
from django.db import transaction
from django.utils import timezone

from accounts.models import OutgoingEmail

_registry = {}


@dataclass(frozen=True)
class Section:
    name: str
    exporter: object = None
    eraser: object = None


def register(name, *, exporter=None, eraser=None):
    """Add (or replace) the section `name` of the export and erasure."""
    _registry[name] = Section(name, exporter, eraser)


def sections():
    return list(_registry.values())


def export_personal_data(user):
    """Everything we hold about `user`, as a JSON-serialisable dict."""
    data = {
        "format": "mystic-courses-personal-data/1",
        "exported_at": timezone.now().isoformat(),
    }
    for section in sections():
        if section.exporter is not None:
            data[section.name] = section.exporter(user)
    return data


def delete_account(request, user):
    """Anonymise `user`, let every app forget them, and end their sessions.

    The row stays (orders point at it) but nothing identifies the person any more:
    a placeholder email, no name, an unusable password, inactive, no email
    addresses on file. Changing the password hash ends every other session; the
    current one is logged out here.
    """
    with transaction.atomic():
        for section in sections():
            if section.eraser is not None:
                section.eraser(user)
        anonymise(user)
    if request is not None and request.user.is_authenticated:
        logout(request)


def anonymise(user):
    addresses = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    for address in addresses:
        OutgoingEmail.objects.filter(to__icontains=address).delete()
    EmailAddress.objects.filter(user=user).delete()
    user.email = f"deleted-{uuid.uuid4().hex}@invalid.example"
    user.name = ""
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def export_profile(user):
    from allauth.account.models import EmailAddress

    return {
        "email": user.email,
        "name": user.name,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
    }


def register_defaults():
    register("profile", exporter=export_profile)
