"""What the Mentees page reads once per request for its rows and its stall checks together.

The rows show the goals' progress, the overdue milestones and the last check-in (the unread
comments are `comment_facts`'); the stall checks (`apps.mentorship.stalls`) need the same
rows and a little more. Each read here is remembered for the request (`core.scope`), so
whichever asks first pays for it and the other reads the answer. Each read is one query
however many mentees, and reads what the mentor's `visible_to` lets them read: the ORM reads
through it, the plain-SQL reads write its reader conditions out over the ids `reach_of` found,
each compared with the ORM query it replaces by a test.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

from django.db.models import F, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from apps.accounts.models import User
from apps.checkins.models import CheckIn, CheckinSchedule
from apps.core import scope
from apps.core.sql import fetch_rows
from apps.goals.models import Goal
from apps.mentorship.comment_facts import NEVER
from apps.mentorship.models import CommentRead, Mentorship
from apps.mentorship.readers import SHARED_CHECKINS_SQL, SHARED_GOALS_SQL, reach_of, reach_params

# A planner's last check-in the mentor may read and their planned rhythm (None when paused).
CheckinFacts = tuple[datetime | None, str | None]


def last_read(reader: User) -> Coalesce:
    """When `reader` last opened the conversation of the comment (its goal's or its
    check-in's), or `NEVER`: what is newer is unread for them."""
    seen = CommentRead.objects.filter(reader=reader).filter(
        Q(goal=OuterRef("goal")) | Q(checkin=OuterRef("checkin"))
    )
    return Coalesce(Subquery(seen.values("read_at")[:1]), Value(NEVER))


def unread_by(reader: User) -> Q:
    """Of comments aliased with `last_read` as "last_read": the ones new to `reader`."""
    return Q(created_at__gt=F("last_read")) & ~Q(author=reader)


def checkin_facts(mentor: User, mentorships: list[Mentorship]) -> dict[int, CheckinFacts]:
    """(last check-in the mentor may read, planned rhythm or None) of each planner who shares
    check-ins with `mentor`, in one query unless the mentorships were read with them
    (`running_mentorships`): the rows show the first, the check-in stall needs both."""
    planners = tuple(m.planner_id for m in mentorships if m.share_checkins)
    if not planners:
        return {}

    def load() -> dict[int, CheckinFacts]:
        rows = (
            User.objects.filter(pk__in=planners)
            .annotate(last=_last_checkin(mentor, "pk"), rhythm=_rhythm("pk"))
            .values_list("pk", "last", "rhythm")
        )
        return {pk: (last, frequency) for pk, last, frequency in rows}

    return scope.remember(("mentorship.checkins", mentor.pk, planners), load)


# Of a mentee's running mentorship, what the rows and the stall checks read, and of its
# planner their name: in the models' field order, as `from_db` takes them.
MENTORSHIP_FIELDS = (
    "id",
    "public_id",
    "planner_id",
    "started_at",
    "share_vision",
    "share_checkins",
    "all_goals",
)
PLANNER_FIELDS = ("id", "email", "display_name")
RUNNING_EXTRAS = ("last_nudge", "last_checkin", "checkin_rhythm")

# The mentorships `reach_of` found running, newest first, with their planners, the mentor's
# last nudge of this week and the check-in facts (`checkin_facts`): the last check-in the
# mentor may read (the check-ins' reader condition, `readers.checkins_shared_with`, over the
# planners `reach_of` found sharing them) and the planned rhythm where check-ins are shared.
# Plain SQL: as an ORM query (three correlated subqueries, one through the check-ins'
# `visible_to`) it cost more than twice as long to build as to run;
# tests/mentorship/test_running_mentorships.py compares it with the ORM query.
# Only constants are joined into the text; every value is a parameter.
_RUNNING = f"""
    SELECT m.id, m.public_id, m.planner_id, m.started_at, m.share_vision, m.share_checkins,
           m.all_goals,
           u.id, u.email, u.display_name,
           (SELECT n.sent_at FROM mentorship_nudge n
            WHERE n.mentorship_id = m.id AND n.sent_at > %(nudged_after)s
            ORDER BY n.sent_at DESC, n.id DESC LIMIT 1),
           (SELECT max(k.completed_at) FROM checkins_checkin k
            WHERE k.id IN ({SHARED_CHECKINS_SQL}) AND k.owner_id = m.planner_id),
           CASE WHEN m.share_checkins THEN
               (SELECT s.frequency FROM checkins_checkinschedule s
                WHERE s.owner_id = m.planner_id AND NOT s.paused)
           END
    FROM mentorship_mentorship m
    JOIN accounts_user u ON u.id = m.planner_id
    WHERE m.id = ANY(%(running)s)
    ORDER BY m.started_at DESC, m.id DESC
"""  # noqa: S608


def running_mentorships(mentor: User, nudged_after: datetime) -> list[Mentorship]:
    """The mentor's running mentorships with `MENTORSHIP_FIELDS`, their planners' names, and
    as `last_nudge`, `last_checkin` and `checkin_rhythm` the mentor's last nudge since
    `nudged_after` and the check-in facts, which `checkin_facts` then answers from."""
    reach = reach_of(mentor)
    if not reach.mentorships:
        return []
    params: dict[str, Any] = {
        **reach_params(mentor),
        "running": list(reach.mentorships),
        "nudged_after": nudged_after,
    }
    alias, rows = fetch_rows(Mentorship, _RUNNING, params)
    mentorships = []
    for row in rows:
        mentorship = Mentorship.from_db(alias, MENTORSHIP_FIELDS, row[:7])
        mentorship.planner = User.from_db(alias, PLANNER_FIELDS, row[7:10])
        for name, value in zip(RUNNING_EXTRAS, row[10:], strict=True):
            setattr(mentorship, name, value)
        mentorships.append(mentorship)
    _remember_checkin_facts(mentor, mentorships)
    return mentorships


def _remember_checkin_facts(mentor: User, mentorships: list[Mentorship]) -> None:
    """Keep for the request the check-in facts `mentorships` were read with, for
    `checkin_facts` (the check-in stall) to answer from."""
    facts: dict[int, CheckinFacts] = {
        m.planner_id: (m.last_checkin, m.checkin_rhythm)  # type: ignore[attr-defined]
        for m in mentorships
        if m.share_checkins
    }
    scope.remember(("mentorship.checkins", mentor.pk, tuple(facts)), lambda: facts)


def _last_checkin(mentor: User, planner: str) -> Subquery:
    """When the person whose id is the outer `planner` last completed a check-in the mentor
    may read."""
    last = (
        CheckIn.objects.visible_to(mentor)
        .filter(owner=OuterRef(planner))
        .order_by()
        .values("owner")
        .annotate(last=Max("completed_at"))
        .values("last")
    )
    return Subquery(last)


def _rhythm(planner: str) -> Subquery:
    # Of the schedule only the rhythm is read, and only for planners who share check-ins.
    return Subquery(
        CheckinSchedule.objects.filter(owner=OuterRef(planner), paused=False).values("frequency")
    )


def last_checkins(mentor: User, mentorships: list[Mentorship]) -> dict[int, datetime]:
    """When each planner who shares check-ins with `mentor` last completed one."""
    facts = checkin_facts(mentor, mentorships)
    return {planner: last for planner, (last, _) in facts.items() if last is not None}


class Overdue(NamedTuple):
    """An open milestone past its due date."""

    due: date
    pk: int
    title: str


@dataclass
class PlanFacts:
    """A planner's goals the mentor may read: how many, their mean progress, and their open
    milestones due before the day asked for, the longest overdue first."""

    goals: int = 0
    progress: int = 0
    overdue: list[Overdue] = field(default_factory=list)


# What `Goal.progress` reads, in the model's field order as `from_db` takes them.
PROGRESS_FIELDS = (
    "id",
    "owner_id",
    "status",
    "measure_kind",
    "baseline",
    "target_value",
    "current_value",
)

# `Goal.objects.visible_to(mentor).filter(owner__in=planners).with_progress()` loaded with
# `PROGRESS_FIELDS`, and each goal's open milestones due before the day asked for. Plain SQL:
# as an ORM query (the goals' reader condition, two filtered counts and a filtered JSON
# aggregate over a join) it cost about twice as long to build as to run. The reader
# condition is the goals' (`readers.goals_shared_with`) over the ids `reach_of` found;
# tests/mentorship/test_plan_facts.py compares the answer with the ORM query's.
# Only constants are joined into the text; every value is a parameter.
_GOALS = f"""
    SELECT g.id, g.owner_id, g.status, g.measure_kind, g.baseline, g.target_value,
           g.current_value,
           count(m.id),
           count(m.id) FILTER (WHERE m.done_at IS NOT NULL),
           jsonb_agg(jsonb_build_object('due', m.due_date, 'pk', m.id, 'title', m.title))
               FILTER (WHERE m.done_at IS NULL AND m.due_date < %(before)s)
    FROM goals_goal g
    LEFT JOIN milestones_milestone m ON m.goal_id = g.id
    WHERE g.owner_id = ANY(%(planners)s)
      AND g.id IN ({SHARED_GOALS_SQL})
    GROUP BY g.id
"""  # noqa: S608


def plan_facts(mentor: User, mentorships: list[Mentorship], before: date) -> dict[int, PlanFacts]:
    """The rows show the goals' count, mean progress and overdue milestones; the milestone
    stall names the oldest. One query: the goals with their milestones' counts (only what
    `Goal.progress` reads) and the overdue ones gathered per goal."""
    planners = tuple(m.planner_id for m in mentorships)
    if not planners:
        return {}

    def load() -> dict[int, PlanFacts]:
        progress: dict[int, list[int]] = defaultdict(list)
        found: dict[int, PlanFacts] = defaultdict(PlanFacts)
        for goal, overdue in _goals(mentor, planners, before):
            progress[goal.owner_id].append(goal.progress)
            found[goal.owner_id].overdue.extend(
                Overdue(date.fromisoformat(m["due"]), m["pk"], m["title"]) for m in overdue
            )
        for owner, facts in found.items():
            facts.goals = len(progress[owner])
            facts.progress = round(sum(progress[owner]) / facts.goals)
            facts.overdue.sort()
        return dict(found)

    return scope.remember(("mentorship.plans", mentor.pk, planners, before), load)


def _goals(mentor: User, planners: tuple[int, ...], before: date) -> list[tuple[Goal, list]]:
    params: dict[str, Any] = {
        **reach_params(mentor),
        "planners": list(planners),
        "before": before,
    }
    alias, rows = fetch_rows(Goal, _GOALS, params)
    goals = []
    for *values, total, done, overdue in rows:
        goal = Goal.from_db(alias, PROGRESS_FIELDS, values)
        goal.milestones_total, goal.milestones_done = total, done  # type: ignore[attr-defined]
        # Django reads jsonb as text.
        goals.append((goal, json.loads(overdue) if overdue else []))
    return goals
