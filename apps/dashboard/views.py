from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from apps.core.views import HtmxHttpRequest


@require_GET
@login_required
def index(request: HtmxHttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "needs_profile": not user.display_name,
        "has_mfa": user.authenticator_set.exists(),
    }
    return render(request, "dashboard/index.html", context)
