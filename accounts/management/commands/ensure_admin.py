"""`manage.py ensure_admin`: create or reuse the development admin and print its login.

The password is kept in `var/admin-login.txt` (development only) so a second
`make run` prints the same working login instead of a stale one.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEFAULT_EMAIL = "admin@mystic.localhost"


class Command(BaseCommand):
    help = "Create or reuse an admin user and print its login (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--email", default=DEFAULT_EMAIL)

    def handle(self, *args, email, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_admin is for development (DEBUG=True) only.")
        store = settings.VAR_DIR / "admin-login.txt"
        User = get_user_model()
        user = User.objects.filter(email=email).first()
        password = store.read_text().strip() if store.exists() else ""
        if user is None:
            user = User.objects.create_superuser(email=email, name="Admin")
        if not password or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.is_staff = user.is_superuser = user.is_active = True
            user.save()
            store.parent.mkdir(parents=True, exist_ok=True)
            store.write_text(password + "\n")
            store.chmod(0o600)
        self._mark_email_verified(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: {settings.SITE_URL}/admin/  "
                f"email: {email}  password: {password}"
            )
        )

    def _mark_email_verified(self, user):
        from allauth.account.models import EmailAddress

        EmailAddress.objects.update_or_create(
            user=user,
            email=user.email,
            defaults={"verified": True, "primary": True},
        )
