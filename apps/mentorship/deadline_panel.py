"""The deadline requests on a goal's page, for the planner and for a mentor who sees the
goal: registered with `apps.core.sharing` like the conversation, so the goal page does not
import this app. One query, however many requests.

Plain SQL: the ORM query (the requests' `visible_to` with three joins of whole rows) cost
several times as long to build as to run, on every goal page, most of which have no request.
Its reader condition is the goals' (`readers.SHARED_GOALS_SQL`): a request's planner owns its
goal, as the requests' own `readers` assume; tests/mentorship/test_deadline_rows.py compares
the answer with the ORM query's."""

from datetime import date, datetime
from typing import NamedTuple
from uuid import UUID

from django.utils import timezone

from apps.accounts.models import User
from apps.core.sharing import Panel
from apps.core.sql import fetch_rows
from apps.goals.models import Goal
from apps.mentorship.models import DeadlineRequest, DeadlineRequestStatus
from apps.mentorship.readers import SHARED_GOALS_SQL, reach_of, reach_params

TEMPLATE = "mentorship/deadlines.html"
# Decided requests stay on the page for a while; the goal's history keeps them for good.
RECENT_DECIDED = 5
# The newest requests the panel looks at, open or decided.
NEWEST = 20


class Request(NamedTuple):
    """A request for a new date, as the panel shows it."""

    public_id: UUID
    milestone_title: str | None  # None: about the goal's own target date
    current_date: date | None
    proposed_date: date
    status: str
    created_at: datetime
    decided_at: datetime | None
    reason: str
    mentor_comment: str
    commented_by_id: int | None
    commented_by_name: str | None  # `User.get_full_name`

    @property
    def pid(self) -> str:
        return str(self.public_id)

    @property
    def is_open(self) -> bool:
        return self.status == DeadlineRequestStatus.OPEN

    @property
    def status_label(self) -> str:
        return DeadlineRequestStatus(self.status).label


_REQUESTS = f"""
    SELECT r.public_id, milestone.title, r.current_date, r.proposed_date, r.status,
           r.created_at, r.decided_at, r.reason, r.mentor_comment, r.commented_by_id,
           coalesce(nullif(commenter.display_name, ''), commenter.email)
    FROM mentorship_deadlinerequest r
    LEFT JOIN milestones_milestone milestone ON milestone.id = r.milestone_id
    LEFT JOIN accounts_user commenter ON commenter.id = r.commented_by_id
    WHERE r.goal_id = %(goal)s
      AND (r.planner_id = %(mentor)s OR r.goal_id IN ({SHARED_GOALS_SQL}))
    ORDER BY r.created_at DESC, r.id DESC
    LIMIT {NEWEST}
"""  # noqa: S608


def requests_on(viewer: User, goal: Goal) -> list[Request]:
    """The open requests on `goal` that `viewer` may read, newest first, then the latest
    decided ones."""
    params = {**reach_params(viewer), "goal": goal.pk}
    _, rows = fetch_rows(DeadlineRequest, _REQUESTS, params)
    found = [Request._make(row) for row in rows]
    open_ones = [r for r in found if r.is_open]
    return open_ones + [r for r in found if not r.is_open][:RECENT_DECIDED]


def goal_panel(viewer: User, goal: Goal) -> Panel | None:
    is_planner = viewer.pk == goal.owner_id
    requests = requests_on(viewer, goal)
    # `mentors_of(goal)`, for the planner's own goal.
    can_ask = is_planner and bool(reach_of(viewer).mentors_covering(goal.pk))
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
