"""May this user open the Wagtail admin? Remembered per user, not asked per page.

Wagtail's `{% wagtailuserbar %}` asks `user.has_perm("wagtailadmin.access_admin")`
on every page a signed-in reader views: for a learner, two permission queries to
draw nothing. The answer is kept in the cache for USERBAR_ACCESS_SECONDS (300) and
forgotten as soon as the user's groups or permissions, a group's permissions, or
the user's superuser or active flag change. A late answer can only show or hide
the editors' toolbar for a while: the admin checks permissions itself on every
request, so nothing is opened by it.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_save

from speedups.after_commit import now_and_after_commit

PERMISSION = "wagtailadmin.access_admin"
logger = logging.getLogger(__name__)


def may_open_admin(user):
    """True when `user` may open the admin (and so sees Wagtail's user bar)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    key = _key(user.pk)
    try:
        known = cache.get(key)
    except Exception:  # noqa: BLE001 - cache down: ask the database
        return user.has_perm(PERMISSION)
    if known is None:
        known = user.has_perm(PERMISSION)
        try:
            cache.set(key, known, settings.USERBAR_ACCESS_SECONDS)
        except Exception:  # noqa: BLE001 - cache down: asked again next time
            logger.warning("could not remember admin access of user %s", user.pk)
    return known


def forget(user_ids):
    """Drop the remembered answers now and again at commit (speedups/after_commit.py):
    a page viewed before the commit would remember the old answer."""
    keys = [_key(pk) for pk in user_ids]
    if keys:
        now_and_after_commit(lambda: _delete(keys))


def _delete(keys):
    try:
        cache.delete_many(keys)
    except Exception:  # noqa: BLE001 - the TTL still ends a remembered answer
        logger.warning("could not forget admin access for %s", keys)


def _key(user_id):
    return f"admin-access:{user_id}"


def _members(groups):
    users = get_user_model().objects.filter(groups__in=groups)
    return list(users.values_list("pk", flat=True).distinct())


def _user_links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """user.groups or user.user_permissions changed, from either side.

    A clear from the group's side (`group.user_set.clear()`) is handled before it
    happens, while the group still knows its members.
    """
    if action == "pre_clear" and reverse and hasattr(instance, "user_set"):
        forget(instance.user_set.values_list("pk", flat=True))
    elif action.startswith("post_"):
        if not reverse:
            forget([instance.pk])
        elif pk_set:
            forget(pk_set)


def _group_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A group's permissions changed: every member's answer may have."""
    if action == "pre_clear" and reverse:
        forget(_members(instance.group_set.all()))
    elif action.startswith("post_"):
        if not reverse:
            forget(_members([instance]))
        elif pk_set:
            forget(_members(Group.objects.filter(pk__in=pk_set)))


def _user_saved(sender, instance, created, update_fields=None, **kwargs):
    """The superuser or active flag may have changed (not on a sign-in's save)."""
    if created or (update_fields is not None and not FLAGS & set(update_fields)):
        return
    forget([instance.pk])


FLAGS = {"is_superuser", "is_active"}


def connect_signals():
    user_model = get_user_model()
    m2m_changed.connect(_user_links_changed, sender=user_model.groups.through)
    m2m_changed.connect(_user_links_changed, sender=user_model.user_permissions.through)
    m2m_changed.connect(_group_permissions_changed, sender=Group.permissions.through)
    post_save.connect(_user_saved, sender=user_model)
