"""The roadmap: the planner's open goals and their milestones on one line of time."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from apps.accounts.http import AuthenticatedHttpRequest
from apps.plan.roadmap import AHEAD_CHOICES, AHEAD_DEFAULT, roadmap


def _ahead(request: AuthenticatedHttpRequest) -> int:
    """The view asked for (?ahead=6|12|24 months); anything else is the default view."""
    asked = request.GET.get("ahead", "")
    return int(asked) if asked in {str(n) for n in AHEAD_CHOICES} else AHEAD_DEFAULT


@login_required
@require_GET
def timeline(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = roadmap(request.user, timezone.localdate(), _ahead(request))
    return render(request, "plan/timeline.html", context)
