"""The learner's own pages: account overview, profile, "my data" (export, delete).

Sign-up, login, email and password pages are allauth's views with our templates.
Export and deletion need a password confirmed in the last few minutes
(`reauthentication_required`): allauth asks for it and then replays the request.
"""

import json

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.forms import DeleteAccountForm, ProfileForm
from accounts.personal_data import delete_account, export_personal_data
from accounts.verification import has_verified_email


@never_cache
@login_required
@require_GET
def account_home(request):
    return render(
        request,
        "accounts/home.html",
        {"email_verified": has_verified_email(request.user)},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:home")
    return render(request, "accounts/profile.html", {"form": form})


@never_cache
@login_required
@require_GET
def my_data(request):
    return render(request, "accounts/my_data.html", {"form": DeleteAccountForm()})


@never_cache
@login_required
@require_POST
@reauthentication_required
def export_data(request):
    data = export_personal_data(request.user)
    stamp = timezone.now().strftime("%Y%m%d")
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="mystic-courses-my-data-{stamp}.json"'
    )
    return response


@never_cache
@login_required
@require_POST
@reauthentication_required
def delete(request):
    form = DeleteAccountForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/my_data.html", {"form": form}, status=400)
    delete_account(request, request.user)
    messages.success(request, _("Your account has been deleted."))
    return redirect(f"/{get_language()}/")
