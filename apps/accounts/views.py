from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from apps.accounts import services
from apps.accounts.audit import with_actor_names
from apps.accounts.forms import DeleteAccountForm, ProfileForm
from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.models import AuditEvent
from apps.core.htmx import HtmxHttpRequest, posted, render_page


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


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required
def delete_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Delete my account. The page asks for the password again before it even shows (a signed-
    in browser left on a shared computer must not be enough), then for the address typed out."""
    form = DeleteAccountForm(posted(request), user=request.user)
    if form.is_bound and form.is_valid():
        services.account_delete(user=request.user)
        logout(request)
        return redirect("accounts:deleted")
    return render_page(request, "accounts/delete.html", {"form": form}, form=form)


@require_GET
def deleted_view(request: HtmxHttpRequest) -> HttpResponse:
    return render_page(request, "accounts/deleted.html", {})


SECURITY_LOG_PAGE = 25


@login_required
@require_GET
def security_log_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The person's own security log, newest first. What a mentor opened lives with each
    mentorship (its access log), linked from here rather than copied."""
    events = AuditEvent.objects.of(request.user)
    page = Paginator(events, SECURITY_LOG_PAGE).get_page(request.GET.get("page"))
    page.object_list = with_actor_names(list(page.object_list))
    return render_page(request, "accounts/security_log.html", {"page": page})
