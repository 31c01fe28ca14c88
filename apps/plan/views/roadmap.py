"""The roadmap: the planner's open goals and their milestones on one line of time."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from apps.accounts.http import AuthenticatedHttpRequest
from apps.plan.roadmap import roadmap


@login_required
@require_GET
def timeline(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "plan/timeline.html", roadmap(request.user, timezone.localdate()))
