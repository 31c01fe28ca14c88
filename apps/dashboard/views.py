from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from apps.core.views import HtmxHttpRequest
from apps.goals.models import Goal, Status, Win
from apps.milestones.selectors import upcoming_and_overdue

# "This week" looks two weeks ahead, so that next week's deadlines are not a surprise.
AHEAD_DAYS = 14
RECENT_WINS = 5
# The dashboard shows the most pressing few; the roadmap has the rest.
DUE_SHOWN = 8


@require_GET
@login_required
def index(request: HtmxHttpRequest) -> HttpResponse:
    user = request.user
    today = timezone.localdate()
    upcoming, overdue = upcoming_and_overdue(user, today, days=AHEAD_DAYS)
    goals = Goal.objects.visible_to(user).filter(status=Status.ACTIVE).with_progress().in_order()
    context = {
        "today": today,
        "needs_profile": not user.display_name,
        "has_mfa": user.authenticator_set.exists(),
        "upcoming": upcoming[:DUE_SHOWN],
        "overdue": overdue[:DUE_SHOWN],
        "upcoming_more": max(0, len(upcoming) - DUE_SHOWN),
        "overdue_more": max(0, len(overdue) - DUE_SHOWN),
        "upcoming_total": len(upcoming),
        "overdue_total": len(overdue),
        "goals": list(goals),
        "wins": list(Win.objects.visible_to(user).select_related("goal")[:RECENT_WINS]),
        "ahead_days": AHEAD_DAYS,
    }
    return render(request, "dashboard/index.html", context)
