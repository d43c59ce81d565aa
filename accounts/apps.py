from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True  # this module holds two AppConfigs
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from accounts import personal_data

        personal_data.register_defaults()

        from accounts import admin_access

        admin_access.connect_signals()


class AccountsUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users admin, editing our `name` and language instead of
    first/last name (see docs/decisions/0021-wagtail-user-forms-use-name.md)."""

    user_viewset = "accounts.admin_users.UserViewSet"
