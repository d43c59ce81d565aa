"""`{% editor_userbar %}`: Wagtail's user bar, for people who may open the admin.

The same bar as `{% wagtailuserbar %}`, asked through `accounts.admin_access`, so
a learner's page view spends no permission queries on it.
"""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from accounts.admin_access import may_open_admin

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    user = getattr(context.get("request"), "user", None)
    if user is None or not may_open_admin(user):
        return ""
    return wagtailuserbar(context, position)
