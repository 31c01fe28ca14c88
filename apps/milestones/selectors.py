"""Reads of milestones for pages that show them. Each runs a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
    Window,
)
from django.db.models.functions import RowNumber

from apps.goals.models import OPEN_STATUSES, Goal
from apps.milestones.models import ActionStep, Milestone


def _with_steps() -> QuerySet[Milestone]:
    steps = Prefetch("steps", queryset=ActionStep.objects.order_by("position", "created_at"))
    return (
        Milestone.objects.annotate(
            steps_total=Count("steps"),
            steps_done=Count("steps", filter=Q(steps__done_at__isnull=False)),
        )
        .order_by("position", "created_at")
        .prefetch_related(steps)
    )


def milestones_with_steps(goal: Goal) -> list[Milestone]:
    """A goal's milestones in order, each with its steps, in two queries whatever the count.

    Each milestone carries `steps_total` and `steps_done` for its "2 of 3 steps done" line.
    """
    return list(_with_steps().filter(goal=goal))


def milestone_with_steps(milestone: Milestone) -> Milestone:
    """One milestone reloaded like `milestones_with_steps` loads them, to render its row."""
    return _with_steps().select_related("goal").get(pk=milestone.pk)


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

    With `limit`, each list holds at most that many entries, cut in the database, and its
    `total` says how many there are in all; with or without, two queries (milestones, steps).
    Steps of a milestone already done are left out: the milestone is behind the planner.
    Each entry is a `DueItem` with its goal loaded (`entry.goal.title`, `entry.goal.public_id`)
    and, for a step, its milestone's title; `entry.item` holds only the columns the entry
    shows (any other is read on first use). Pass the planner's own date
    (`timezone.localdate()` under their time zone).
    """
    milestones, steps = _due_querysets(user, today + timedelta(days=days))
    milestones = milestones.select_related("goal").only(*_MILESTONE_COLUMNS)
    steps = steps.select_related("milestone__goal").only(*_STEP_COLUMNS)
    milestones, steps = (
        qs.order_by("due_date", "position") if limit is None else _first_of_each(qs, today, limit)
        for qs in (milestones, steps)
    )
    entries, totals = [], {True: 0, False: 0}  # keyed by "is overdue"
    for kind, rows in (("milestone", list(milestones)), ("step", list(steps))):
        counted = {}
        for row in rows:
            goal = row.goal if kind == "milestone" else row.milestone.goal
            title = "" if kind == "milestone" else row.milestone.title
            entries.append(_entry(kind, row, goal, title, today))
            if limit is not None:
                counted[row.due_date < today] = row.total
        for late, total in counted.items():
            totals[late] += total
    entries.sort(key=lambda entry: (entry.due_date, entry.kind != "milestone", entry.title))
    upcoming = DueList(entry for entry in entries if entry.days >= 0)
    overdue = DueList(entry for entry in entries if entry.days < 0)
    if limit is None:
        upcoming.total, overdue.total = len(upcoming), len(overdue)
        return upcoming, overdue
    upcoming, overdue = DueList(upcoming[:limit]), DueList(overdue[:limit])
    upcoming.total, overdue.total = totals[False], totals[True]
    return upcoming, overdue


def _first_of_each(rows: QuerySet, today: date, limit: int) -> QuerySet:
    """The first `limit` overdue rows and the first `limit` upcoming ones, in one query: both
    windows are partitioned by "is overdue", so `total` (COUNT(*) OVER) counts each side's
    matching rows before the row numbers cut them."""
    late = ExpressionWrapper(Q(due_date__lt=today), output_field=BooleanField())
    order = [F("due_date").asc(), F("position").asc()]
    return (
        rows.annotate(
            total=Window(Count("pk"), partition_by=[late]),
            number=Window(RowNumber(), partition_by=[late], order_by=order),
        )
        .filter(number__lte=limit)
        .order_by("due_date", "position")
    )


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
