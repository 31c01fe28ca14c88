"""The deadline requests on a goal's page, for the planner and for a mentor who sees the
goal: registered with `apps.core.sharing` like the conversation, so the goal page does not
import this app. Two queries, however many requests."""

from django.utils import timezone

from apps.accounts.models import User
from apps.core.sharing import Panel
from apps.goals.models import Goal
from apps.mentorship.models import DeadlineRequest
from apps.mentorship.services.deadlines import mentors_of

TEMPLATE = "mentorship/deadlines.html"
# Decided requests stay on the page for a while; the goal's history keeps them for good.
RECENT_DECIDED = 5


def requests_on(viewer: User, goal: Goal) -> list[DeadlineRequest]:
    rows = (
        DeadlineRequest.objects.visible_to(viewer)
        .filter(goal=goal)
        .select_related("milestone", "commented_by", "planner")
        .order_by("-created_at")
    )
    found = list(rows[:20])
    open_ones = [r for r in found if r.is_open]
    return open_ones + [r for r in found if not r.is_open][:RECENT_DECIDED]


def goal_panel(viewer: User, goal: Goal) -> Panel | None:
    is_planner = viewer.pk == goal.owner_id
    requests = requests_on(viewer, goal)
    can_ask = is_planner and bool(mentors_of(goal))
    if not requests and not can_ask:
        return None
    context = {
        "goal": goal,
        "requests": requests,
        "is_planner": is_planner,
        "can_ask": can_ask,
        "today": timezone.localdate(),
    }
    return Panel(TEMPLATE + "#panel", context)
