"""Reads of milestones for pages that show them. Each runs a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet

from apps.core.sql import columns, fetch_rows, instance, width
from apps.goals.models import OPEN_STATUSES, Goal
from apps.milestones.models import ActionStep, Milestone


def _with_steps() -> QuerySet[Milestone]:
    steps = Prefetch("steps", queryset=ActionStep.objects.order_by("position", "created_at"))
    return Milestone.objects.order_by("position", "created_at").prefetch_related(steps)


def _counted(milestone: Milestone, steps: list[ActionStep]) -> Milestone:
    # Counted from the steps loaded anyway: counting them in the query grouped the milestones
    # by every column, which cost more to build and to plan than the counting saved.
    milestone.step_list = steps  # type: ignore[attr-defined]
    milestone.steps_total = len(steps)  # type: ignore[attr-defined]
    milestone.steps_done = sum(1 for step in steps if step.done_at)  # type: ignore[attr-defined]
    return milestone


# A goal's milestones, each followed by its steps, in one read: as the ORM's query and the
# prefetch of the steps it took four times the CPU of this (the goal page's largest read).
_WITH_STEPS = f"""
    SELECT {columns(Milestone, "m")}, {columns(ActionStep, "s")}
    FROM milestones_milestone m
    LEFT JOIN milestones_actionstep s ON s.milestone_id = m.id
    WHERE m.goal_id = %(goal)s
    ORDER BY m.position, m.created_at, s.position, s.created_at
"""  # noqa: S608 - the select lists are the models' own column names


def milestones_with_steps(goal: Goal) -> list[Milestone]:
    """A goal's milestones in order, each with its steps in order as `step_list`, in one
    query whatever the count: what `goal.milestones.order_by("position", "created_at")` with
    the steps prefetched in `("position", "created_at")` order gives.

    Each milestone carries `steps_total` and `steps_done` for its "2 of 3 steps done" line.
    """
    alias, rows = fetch_rows(Milestone, _WITH_STEPS, {"goal": goal.pk})
    cut = width(Milestone)
    milestones: list[Milestone] = []
    steps: dict[int, list[ActionStep]] = {}
    for row in rows:
        milestone_id = row[0]
        if milestone_id not in steps:
            milestone = instance(Milestone, alias, row[:cut])
            milestone.goal = goal  # the goal asked about: reading it costs no query
            milestones.append(milestone)
            steps[milestone_id] = []
        if row[cut] is not None:  # a milestone without steps joins one row of NULLs
            step = instance(ActionStep, alias, row[cut:])
            steps[milestone_id].append(step)
    return [_counted(milestone, steps[milestone.pk]) for milestone in milestones]


def milestone_with_steps(milestone: Milestone) -> Milestone:
    """One milestone reloaded like `milestones_with_steps` loads them, to render its row."""
    loaded = _with_steps().select_related("goal").get(pk=milestone.pk)
    return _counted(loaded, list(loaded.steps.all()))


@dataclass(frozen=True)
class DueItem:
    """A milestone or an action step with a due date, as the dashboard lists them."""

    kind: str  # "milestone" or "step"
    item: Milestone | ActionStep
    title: str
    due_date: date
    days: int  # days from today to the due date; negative when overdue
    goal: Goal
    milestone_title: str  # the step's milestone; empty for a milestone


class DueList(list):
    """Entries in order, and how many there are in all when the list was cut short."""

    total: int = 0


def _due_querysets(user, horizon: date) -> tuple[QuerySet, QuerySet]:
    milestones = Milestone.objects.editable_by(user).filter(
        goal__status__in=OPEN_STATUSES, done_at__isnull=True, due_date__lte=horizon
    )
    steps = ActionStep.objects.editable_by(user).filter(
        milestone__goal__status__in=OPEN_STATUSES,
        milestone__done_at__isnull=True,
        done_at__isnull=True,
        due_date__lte=horizon,
    )
    return milestones, steps


# What a "this week" entry shows: its title and date, its goal's title and link, and for a
# step its milestone's title. The rest of these rows (descriptions above all) stays unread.
_MILESTONE_COLUMNS = ("title", "due_date", "position", "goal__title", "goal__public_id")
_STEP_COLUMNS = (
    "title",
    "due_date",
    "position",
    "milestone__title",
    "milestone__goal__title",
    "milestone__goal__public_id",
)


def upcoming_and_overdue(
    user, today: date, days: int = 14, limit: int | None = None
) -> tuple[DueList, DueList]:
    """What is due soon and what is late, across `user`'s open goals (draft, active, on hold).

    Returns `(upcoming, overdue)`:
    - upcoming: open milestones and open steps due from `today` to `today + days` inclusive,
      soonest first;
    - overdue: open milestones and open steps due before `today`, the longest overdue first.

    Each list is in order of due date, milestones before steps on the same day, then title.
    With `limit`, each holds the first `limit` entries of that order, and its `total` says how
    many there are in all: one query, against two for the whole lists, whatever their length.
    Steps of a milestone already done are left out: the milestone is behind the planner.
    Each entry is a `DueItem` with its goal loaded (`entry.goal.title`, `entry.goal.public_id`)
    and, for a step, its milestone's title; `entry.item` holds only the columns the entry
    shows (any other is read on first use). Pass the planner's own date
    (`timezone.localdate()` under their time zone).
    """
    if limit is not None:
        return _first_due(user, today, today + timedelta(days=days), limit)
    milestones, steps = _due_querysets(user, today + timedelta(days=days))
    milestones = milestones.select_related("goal").only(*_MILESTONE_COLUMNS)
    steps = steps.select_related("milestone__goal").only(*_STEP_COLUMNS)
    entries = [
        _entry("milestone", row, row.goal, "", today)
        for row in milestones.order_by("due_date", "position", "pk")
    ]
    entries += [
        _entry("step", row, row.milestone.goal, row.milestone.title, today)
        for row in steps.order_by("due_date", "position", "pk")
    ]
    entries.sort(key=lambda entry: (entry.due_date, entry.kind != "milestone", entry.title))
    upcoming = DueList(entry for entry in entries if entry.days >= 0)
    overdue = DueList(entry for entry in entries if entry.days < 0)
    upcoming.total, overdue.total = len(upcoming), len(overdue)
    return upcoming, overdue


# The dashboard's cut of `upcoming_and_overdue`: the first few of each side in that order,
# with each side's total, milestones and steps in one query. Plain SQL: the ORM's two window
# queries (one per kind) cost about twice as long to build as to run. Titles compare in "C"
# order, code point by code point, as Python sorts them. The conditions are `_due_querysets`'s.
_FIRST_DUE = """
    WITH due AS (
        SELECT false AS is_step, m.id, m.goal_id AS parent_id, m.title, m.due_date, m.position,
               '' AS milestone_title, g.id AS goal_id, g.public_id, g.title AS goal_title
        FROM milestones_milestone m JOIN goals_goal g ON g.id = m.goal_id
        WHERE g.owner_id = %(owner)s AND g.status = ANY(%(open)s)
          AND m.done_at IS NULL AND m.due_date <= %(horizon)s
        UNION ALL
        SELECT true, s.id, s.milestone_id, s.title, s.due_date, s.position,
               m.title, g.id, g.public_id, g.title
        FROM milestones_actionstep s
        JOIN milestones_milestone m ON m.id = s.milestone_id
        JOIN goals_goal g ON g.id = m.goal_id
        WHERE g.owner_id = %(owner)s AND g.status = ANY(%(open)s)
          AND m.done_at IS NULL AND s.done_at IS NULL AND s.due_date <= %(horizon)s
    )
    SELECT is_step, id, parent_id, title, due_date, position, milestone_title,
           goal_id, public_id, goal_title, total
    FROM (SELECT due.*, count(*) OVER side AS total,
                 row_number() OVER (side ORDER BY due_date, is_step, title COLLATE "C",
                                    position, id) AS number
          FROM due WINDOW side AS (PARTITION BY due_date < %(today)s)) ranked
    WHERE number <= %(limit)s
    ORDER BY due_date, is_step, title COLLATE "C", position, id
"""


def _first_due(user, today: date, horizon: date, limit: int) -> tuple[DueList, DueList]:
    upcoming, overdue = DueList(), DueList()
    if not user.is_authenticated:
        return upcoming, overdue
    params = {
        "owner": user.pk,
        "open": [str(status) for status in OPEN_STATUSES],
        "horizon": horizon,
        "today": today,
        "limit": max(limit, 1),  # a row of each side, for its total
    }
    alias, rows = fetch_rows(Milestone, _FIRST_DUE, params)
    for is_step, pk, parent, title, due_date, position, parent_title, *goal_row, total in rows:
        # Values in the models' field order, as `from_db` takes them.
        goal = Goal.from_db(alias, ["id", "public_id", "title"], goal_row)
        model, parent_field = (ActionStep, "milestone_id") if is_step else (Milestone, "goal_id")
        fields = ["id", parent_field, "title", "due_date", "position"]
        item = model.from_db(alias, fields, [pk, parent, title, due_date, position])
        kind = "step" if is_step else "milestone"
        side = overdue if due_date < today else upcoming
        side.total = total
        if len(side) < limit:
            side.append(_entry(kind, item, goal, parent_title, today))
    return upcoming, overdue


def _entry(kind: str, item, goal: Goal, milestone_title: str, today: date) -> DueItem:
    return DueItem(
        kind=kind,
        item=item,
        title=item.title,
        due_date=item.due_date,
        days=(item.due_date - today).days,
        goal=goal,
        milestone_title=milestone_title,
    )
