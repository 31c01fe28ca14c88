from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from apps.accounts.http import AuthenticatedHttpRequest
from apps.assessment.selectors import headline_of
from apps.checkins.access import schedule_of
from apps.checkins.charts import recent_progress_chart
from apps.goals.models import Win
from apps.goals.selectors import first_active_goals
from apps.mentorship.readers import reach_of
from apps.mentorship.selectors import my_mentorships
from apps.milestones.selectors import upcoming_and_overdue

# "This week" looks two weeks ahead, so that next week's deadlines are not a surprise.
AHEAD_DAYS = 14
RECENT_WINS = 5
# The dashboard shows the most pressing few; the roadmap has the rest.
DUE_SHOWN = 8
# The goals that lead the manual order; the goal list has them all.
GOALS_SHOWN = 12


@require_GET
@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    today = timezone.localdate()
    upcoming, overdue = upcoming_and_overdue(user, today, days=AHEAD_DAYS, limit=DUE_SHOWN)
    goals, goals_total = first_active_goals(user, GOALS_SHOWN)
    headline = headline_of(user)
    context = {
        "today": today,
        "headline": headline,
        "assessment_done": headline.completeness.complete,
        "needs_profile": not user.display_name,
        "has_mfa": is_mfa_enabled(user),
        "upcoming": upcoming,
        "overdue": overdue,
        "upcoming_more": upcoming.total - len(upcoming),
        "overdue_more": overdue.total - len(overdue),
        "goals": goals,
        "goal_cards": [(goal, _milestones_in_words(goal)) for goal in goals],
        "goals_total": goals_total,
        "wins": list(Win.objects.owned_by(user).only("title", "happened_on")[:RECENT_WINS]),
        "ahead_days": AHEAD_DAYS,
        "schedule": schedule_of(user),
        "progress_chart": recent_progress_chart(user) if goals else None,
        # A mentor's way to the people they mentor; their own plan stays what the page shows.
        "mentee_count": len(reach_of(user).mentorships),
        # The planner's own mentors, with what is new from each.
        "my_mentors": my_mentorships(user),
    }
    return render(request, "dashboard/index.html", context)


def _milestones_in_words(goal) -> str:
    """'3 of 8 milestones', worked out here: each number a template prints is localised, which
    cost more than the rest of the card's line."""
    total = goal.milestones_total
    if not total:
        return "No milestones yet"
    return f"{goal.milestones_done} of {total} milestone{'' if total == 1 else 's'}"
