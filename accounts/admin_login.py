"""Wagtail's admin login, behind the same failed-login limit as the storefront.

Without this, /admin/login/ would be a second door where passwords could be
guessed without limit. Attempts are counted in allauth's `login_failed` buckets
(per account and per IP, in Redis), so guesses on either door add up. Learners
are refused here without being signed in: the admin is for staff only.
"""

from allauth.core.internal import ratelimit as allauth_ratelimit
from django.utils.translation import gettext as _
from wagtail.admin.views.account import LoginView

from accounts import ratelimits


class AdminLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        login = request.POST.get("username", "")
        key = ratelimits.login_key(request, login)
        self._usage = allauth_ratelimit.consume(
            request, app=ratelimits.ACCOUNT_APP, action="login_failed", key=key
        )
        if not self._usage:
            ratelimits.refuse(
                request, ratelimits.retry_after(request, "login_failed", key)
            )
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not form.get_user().has_perm("wagtailadmin.access_admin"):
            form.add_error(None, _("This account has no access to the admin."))
            return self.form_invalid(form)
        self._usage.rollback()  # a right password does not use up the allowance
        return super().form_valid(form)


admin_login = AdminLoginView.as_view()
