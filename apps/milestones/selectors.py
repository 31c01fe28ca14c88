"""Reads of milestones for pages that show them. Each runs a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet, Window

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


def upcoming_and_overdue(
    user, today: date, days: int = 14, limit: int | None = None
) -> tuple[DueList, DueList]:
    """What is due soon and what is late, across `user`'s open goals (draft, active, on hold).

    Returns `(upcoming, overdue)`:
    - upcoming: open milestones and open steps due from `today` to `today + days` inclusive,
      soonest first;
    - overdue: open milestones and open steps due before `today`, the longest overdue first.

    With `limit`, each list holds at most that many entries, cut in the database, and its
    `total` says how many there are in all (four queries); without, everything comes (two).
    Steps of a milestone already done are left out: the milestone is behind the planner.
    Each entry is a `DueItem` with its goal loaded (`entry.goal.title`, `entry.goal.public_id`)
    and, for a step, its milestone's title. Pass the planner's own date
    (`timezone.localdate()` under their time zone).
    """
    milestones, steps = _due_querysets(user, today + timedelta(days=days))
    milestones = milestones.select_related("goal").order_by("due_date", "position")
    steps = steps.select_related("milestone__goal").order_by("due_date", "position")
    if limit is None:
        parts = [(milestones, steps)]
    else:
        # COUNT(*) OVER () counts every matching row before the LIMIT cuts them.
        counted = {"total": Window(Count("pk"))}
        parts = [
            tuple(qs.filter(when).annotate(**counted)[:limit] for qs in (milestones, steps))
            for when in (Q(due_date__lt=today), Q(due_date__gte=today))
        ]
    entries, totals = [], {True: 0, False: 0}  # keyed by "is overdue"
    for milestone_rows, step_rows in parts:
        for kind, rows in (("milestone", list(milestone_rows)), ("step", list(step_rows))):
            for row in rows:
                goal = row.goal if kind == "milestone" else row.milestone.goal
                title = "" if kind == "milestone" else row.milestone.title
                entries.append(_entry(kind, row, goal, title, today))
            if rows and limit is not None:
                totals[rows[0].due_date < today] += rows[0].total
    entries.sort(key=lambda entry: (entry.due_date, entry.kind != "milestone", entry.title))
    upcoming = DueList(entry for entry in entries if entry.days >= 0)
    overdue = DueList(entry for entry in entries if entry.days < 0)
    if limit is None:
        upcoming.total, overdue.total = len(upcoming), len(overdue)
        return upcoming, overdue
    upcoming, overdue = DueList(upcoming[:limit]), DueList(overdue[:limit])
    upcoming.total, overdue.total = totals[False], totals[True]
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
