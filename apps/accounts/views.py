from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from apps.accounts import services
from apps.accounts.forms import ProfileForm
from apps.core.htmx import HtmxHttpRequest


@login_required
@require_http_methods(["GET", "POST"])
def settings_view(request: HtmxHttpRequest) -> HttpResponse:
    user = request.user
    initial = {"display_name": user.display_name, "timezone": user.timezone}
    data = request.POST if request.method == "POST" else None
    form = ProfileForm(data, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            services.profile_update(user=user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your profile is saved.")
            if not request.htmx:
                return redirect("accounts:settings")
            form = ProfileForm(initial=form.cleaned_data)
    template = "accounts/settings.html#profile-form" if request.htmx else "accounts/settings.html"
    status = 422 if form.errors else 200
    return render(request, template, {"form": form}, status=status)
