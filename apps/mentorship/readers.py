"""The second audience of a planner's data: a mentor with a running mentorship.

Registered on the lower apps' querysets in `MentorshipConfig.ready()`, so goals and check-ins
never import mentorship. Each condition selects by the ids of the mentorships running today
(`reach_of`), never by a join, so a row is never repeated; access ends the moment a
mentorship ends or its end date passes: the next request reads the mentorships again.
What hangs off a goal (milestones, steps, obstacles, resources, history) follows the goal.
Wins are not shared: the journal is the planner's own, also for a shared goal.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from apps.core import scope
from apps.core.sql import fetch_rows


class Side(NamedTuple):
    """The other side of one of someone's mentorships running today."""

    mentorship: int
    person: int
    name: str  # `User.get_full_name`
    all_goals: bool
    goals: tuple[int, ...]  # shared one by one (none when every goal is)
    started_at: datetime


@dataclass(frozen=True)
class Reach:
    """Someone's mentorships running today, as ids, and what those in which they are the mentor
    let them read: the planners (or goals) behind each kind of share. Also who is on the other
    side of each, by name: the goal page says who reads it, or whose it is."""

    mentorships: tuple[int, ...] = ()  # as the mentor
    either_side: tuple[int, ...] = ()  # as the mentor or as the planner
    all_goals: tuple[int, ...] = ()  # planners who share every goal
    goals: tuple[int, ...] = ()  # goals shared one by one
    checkins: tuple[int, ...] = ()
    vision: tuple[int, ...] = ()
    parts: dict[str, tuple[int, ...]] = field(default_factory=dict)
    mentors: tuple[Side, ...] = ()  # as the planner: longest-running first
    mentees: dict[int, Side] = field(default_factory=dict)  # as the mentor: by planner

    def mentors_covering(self, goal_id: int) -> list[Side]:
        """As the planner: the mentors whose share covers the goal, longest-running first
        (`services.deadlines.mentors_of`, for someone's own goal)."""
        return [m for m in self.mentors if m.all_goals or goal_id in m.goals]


def reach_of(user) -> Reach:
    """One query per request, however many querysets a page filters with it: every reader
    condition below is a short list of ids instead of a subquery on the mentorships, which
    was most of what a mentor's page cost to build and to plan. A request that starts or ends
    a mentorship, or changes its share, calls `scope.forget()`; the next request asks anew."""
    if not user.is_authenticated:
        return Reach()
    return scope.remember(("mentorship.reach", user.pk), lambda: _load(user))


# Plain SQL: this runs on every page of everyone in a mentorship, and as an ORM query (an
# ArrayAgg over the shared goals, grouped by eight columns) it cost about four times as long
# to build as to run. The conditions are `Mentorship.objects.active()`'s and either side's;
# the goals are those shared one by one (none for a mentorship that shares every goal). The
# other side's name is `User.get_full_name`.
_REACH = """
    SELECT m.id, m.mentor_id, m.planner_id, m.all_goals, m.share_checkins, m.share_vision,
           m.assessment_parts,
           CASE WHEN m.all_goals THEN '{}'
                ELSE ARRAY(SELECT shared.goal_id FROM mentorship_mentorship_goals shared
                           WHERE shared.mentorship_id = m.id ORDER BY shared.goal_id)
           END AS goal_ids,
           m.started_at, coalesce(nullif(other.display_name, ''), other.email)
    FROM mentorship_mentorship m
    JOIN accounts_user other
      ON other.id = CASE WHEN m.mentor_id = %(user)s THEN m.planner_id ELSE m.mentor_id END
    WHERE (m.mentor_id = %(user)s OR m.planner_id = %(user)s)
      AND m.ended_at IS NULL AND (m.end_date IS NULL OR m.end_date >= %(today)s)
    ORDER BY m.id
"""


def _load(user) -> Reach:
    params = {"user": user.pk, "today": timezone.localdate()}
    # The model by name: the comments' and deadline requests' querysets in the models module
    # read their conditions from here, so this module does not import it.
    _, rows = fetch_rows(apps.get_model("mentorship", "Mentorship"), _REACH, params)
    either_side, mentorships, all_goals, checkins, vision = [], [], [], [], []
    goals: set[int] = set()
    parts: dict[str, list[int]] = {}
    mentors: list[Side] = []
    mentees: dict[int, Side] = {}
    for (
        pk,
        mentor,
        planner,
        every_goal,
        share_checkins,
        share_vision,
        shared_parts,
        goal_ids,
        started_at,
        name,
    ) in rows:
        either_side.append(pk)
        if mentor != user.pk:
            mentors.append(Side(pk, mentor, name, every_goal, tuple(goal_ids), started_at))
            continue
        mentees[planner] = Side(pk, planner, name, every_goal, tuple(goal_ids), started_at)
        mentorships.append(pk)
        if every_goal:
            all_goals.append(planner)
        goals.update(goal_ids)
        if share_checkins:
            checkins.append(planner)
        if share_vision:
            vision.append(planner)
        for part in json.loads(shared_parts):
            parts.setdefault(part, []).append(planner)
    return Reach(
        mentorships=tuple(mentorships),
        either_side=tuple(either_side),
        all_goals=tuple(all_goals),
        goals=tuple(sorted(goals)),
        checkins=tuple(checkins),
        vision=tuple(vision),
        parts={part: tuple(planners) for part, planners in parts.items()},
        mentors=tuple(sorted(mentors, key=lambda m: (m.started_at, m.mentorship))),
        mentees=mentees,
    )


# The goals' and check-ins' reader conditions below, in SQL for the plain-SQL reads, with the
# parameters of `reach_params`: written once, so those reads cannot drift from each other.
SHARED_GOALS_SQL = """
    SELECT shared_goal.id FROM goals_goal shared_goal
    WHERE shared_goal.owner_id = %(mentor)s OR shared_goal.owner_id = ANY(%(all_goals)s)
       OR shared_goal.id = ANY(%(goals)s)
"""
SHARED_CHECKINS_SQL = """
    SELECT shared_checkin.id FROM checkins_checkin shared_checkin
    WHERE shared_checkin.owner_id = %(mentor)s
       OR (shared_checkin.completed_at IS NOT NULL
           AND shared_checkin.owner_id = ANY(%(checkins)s))
"""


def reach_params(user) -> dict[str, Any]:
    """The parameters of `SHARED_GOALS_SQL` and `SHARED_CHECKINS_SQL` for `user`."""
    reach = reach_of(user)
    return {
        "mentor": user.pk,
        "all_goals": list(reach.all_goals),
        "goals": list(reach.goals),
        "checkins": list(reach.checkins),
    }


def goals_shared_with(user) -> Q | None:
    reach = reach_of(user)
    condition = None
    if reach.all_goals:
        condition = Q(owner__in=reach.all_goals)
    if reach.goals:
        chosen = Q(pk__in=reach.goals)
        condition = chosen if condition is None else condition | chosen
    return condition


def _any(parts: list[Q]) -> Q | None:
    condition = None
    for part in parts:
        condition = part if condition is None else condition | part
    return condition


def about_goals_shared_with(user) -> Q | None:
    """Rows about a goal (with its owner as their `planner`, as comments and deadline requests
    have) whose goal is shared with `user`: what `goals_shared_with` selects, read off the
    row's own columns instead of through a subquery on the goals."""
    reach = reach_of(user)
    parts = []
    if reach.all_goals:
        parts.append(Q(planner__in=reach.all_goals, goal__isnull=False))
    if reach.goals:
        parts.append(Q(goal__in=reach.goals))
    return _any(parts)


def comment_targets_shared_with(user) -> Q | None:
    """Comments whose goal or check-in is shared with `user`, the same way: a comment's
    planner owns its goal or check-in (the comment services set it so)."""
    parts = []
    goals = about_goals_shared_with(user)
    if goals is not None:
        parts.append(goals)
    planners = reach_of(user).checkins
    if planners:
        # What `checkins_shared_with` selects; a many-to-one join repeats no comment.
        parts.append(Q(planner__in=planners, checkin__completed_at__isnull=False))
    return _any(parts)


def checkins_shared_with(user) -> Q | None:
    """Completed check-ins only: a draft is still the planner's scratch paper."""
    planners = reach_of(user).checkins
    return Q(owner__in=planners, completed_at__isnull=False) if planners else None


def vision_shared_with(user) -> Q | None:
    planners = reach_of(user).vision
    return Q(owner__in=planners) if planners else None


def _part_shared_with(part: str) -> Callable[[object], Q | None]:
    """The reader condition of one part of the self-assessment (a name of ASSESSMENT_PARTS)."""

    def condition(user) -> Q | None:
        planners = reach_of(user).parts.get(part)
        return Q(owner__in=planners) if planners else None

    return condition


# Made once, so that registering them again (a second ready()) stays a no-op.
values_shared_with = _part_shared_with("values")
insights_shared_with = _part_shared_with("strengths")
interests_shared_with = _part_shared_with("interests")
skills_shared_with = _part_shared_with("skills")
