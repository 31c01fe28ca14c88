from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from apps.accounts import services
from apps.accounts.forms import ProfileForm
from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import posted, render_page


@login_required
@require_http_methods(["GET", "POST"])
def settings_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    initial = {"display_name": user.display_name, "timezone": user.timezone}
    form = ProfileForm(posted(request), initial=initial)
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
    return render_page(
        request, "accounts/settings.html", {"form": form}, partial="profile-form", form=form
    )
