"""Who may do what with orders in the admin."""

from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Orders change only through their rules (webhooks, refunds), never a form."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return user.is_active and (
            user.is_superuser or user.has_perm(self._get_permission_name(action))
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
