"""Deadline renegotiation: the planner proposes a new date for a shared goal or milestone, a
mentor comments, the planner decides.

Only the planner's acceptance changes a date, and it does so through the goal's or the
milestone's own service, so the goal's history records the change with the reason and the
mentor's comment. A mentor has no path here that touches a date.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from apps.accounts.models import User
from apps.core import scope
from apps.core.dates import plan_date_problem
from apps.goals import services as goal_services
from apps.goals.models import Goal
from apps.mentorship import notices
from apps.mentorship.models import DeadlineRequest, DeadlineRequestStatus, Mentorship
from apps.milestones import services as milestone_services
from apps.milestones.models import Milestone

MAX_TEXT = 2_000


def _text(value: str, field: str, empty: str) -> str:
    value = value.strip()
    if not value:
        raise ValidationError({field: empty})
    if len(value) > MAX_TEXT:
        raise ValidationError({field: f"Keep it under {MAX_TEXT:,} characters."})
    return value


def mentors_of(goal: Goal) -> list[User]:
    """The mentors whose running share covers `goal`, longest-running first: the people a
    request is for, and the "Shared with …" of the goal page. Asked once per request (the
    page's note and its deadline panel both need it); changing a share forgets it."""
    return scope.remember(("mentorship.mentors_of", goal.pk), lambda: _mentors_of(goal))


def _mentors_of(goal: Goal) -> list[User]:
    running = Mentorship.objects.active().filter(planner_id=goal.owner_id)
    covering = running.filter(Q(all_goals=True) | Q(goals=goal.pk)).select_related("mentor")
    return [m.mentor for m in covering.order_by("started_at").distinct()]


def _check_date(proposed: date, current: date | None) -> None:
    today = timezone.localdate()
    problem = plan_date_problem(proposed, earliest=today, today=today, before="today")
    if problem:
        raise ValidationError({"proposed_date": problem})
    if proposed == current:
        raise ValidationError({"proposed_date": "That is the date it has now: pick another."})


@transaction.atomic
def deadline_request_propose(
    *, by: User, goal: Goal, milestone: Milestone | None, proposed_date: date, reason: str
) -> DeadlineRequest:
    if goal.owner_id != by.pk or (milestone is not None and milestone.goal_id != goal.pk):
        raise ValidationError({"about": "Pick one of your own goal's dates."})
    reason = _text(reason, "reason", "Say in a few words why you need a new date.")
    current = milestone.due_date if milestone is not None else goal.target_date
    _check_date(proposed_date, current)
    mentors = mentors_of(goal)
    if not mentors:
        raise ValidationError(
            {"about": "No mentor sees this goal: share it first, or simply change the date."}
        )
    open_one = DeadlineRequest.objects.open().filter(goal=goal, milestone=milestone)
    if open_one.exists():
        raise ValidationError({"about": "There is already an open request for this date."})
    request = DeadlineRequest.objects.create(
        planner=by,
        goal=goal,
        milestone=milestone,
        current_date=current,
        proposed_date=proposed_date,
        reason=reason,
    )
    for mentor in mentors:
        notices.deadline_notify(request, recipient=mentor, actor=by, kind=notices.DEADLINE_ASKED)
    return request


@transaction.atomic
def deadline_request_comment(*, by: User, request: DeadlineRequest, body: str) -> DeadlineRequest:
    """A mentor's comment on an open request (the planner's own words are its reason)."""
    request = DeadlineRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_open:
        raise ValidationError({"body": "This request is already decided."})
    if by not in mentors_of(request.goal):
        raise ValidationError({"body": "Only a mentor who sees this goal comments here."})
    request.mentor_comment = _text(body, "body", "Write your comment first.")
    request.commented_by, request.commented_at = by, timezone.now()
    request.save(update_fields=["mentor_comment", "commented_by", "commented_at", "updated_at"])
    notices.deadline_notify(
        request, recipient=request.planner, actor=by, kind=notices.DEADLINE_COMMENTED
    )
    return request


def history_reason(request: DeadlineRequest) -> str:
    """What the goal's history says about an accepted request: why, and the mentor's view."""
    text = f"New date agreed with your mentor. Why: {request.reason}"
    if request.mentor_comment:
        who = request.commented_by.get_full_name() if request.commented_by else "Your mentor"
        text += f"\nComment from {who}: {request.mentor_comment}"
    return text[:MAX_TEXT]


@transaction.atomic
def deadline_request_decide(*, by: User, request: DeadlineRequest, accept: bool) -> DeadlineRequest:
    request = DeadlineRequest.objects.select_for_update().get(pk=request.pk)
    if request.planner_id != by.pk:
        raise ValidationError({"decision": "Only the planner decides about their dates."})
    if not request.is_open:
        raise ValidationError({"decision": "This request is already decided."})
    if accept:
        _check_date(request.proposed_date, None)
        reason = history_reason(request)
        if request.milestone is not None:
            milestone_services.milestone_reschedule(
                milestone=request.milestone, by=by, due_date=request.proposed_date, reason=reason
            )
        else:
            goal_services.goal_update(
                goal=request.goal, by=by, target_date=request.proposed_date, reason=reason
            )
    request.status = DeadlineRequestStatus.ACCEPTED if accept else DeadlineRequestStatus.DECLINED
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_at", "updated_at"])
    for mentor in mentors_of(request.goal):
        notices.deadline_notify(request, recipient=mentor, actor=by, kind=notices.DEADLINE_DECIDED)
    return request
