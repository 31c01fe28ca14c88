"""Reads of milestones for pages that show them. Each runs a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet

from apps.goals.models import Goal
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


def upcoming_and_overdue(user, today: date, days: int = 14) -> tuple[list[DueItem], list[DueItem]]:
    """What is due soon and what is late, across `user`'s open goals (draft, active, on hold).

    Returns `(upcoming, overdue)`:
    - upcoming: open milestones and open steps due from `today` to `today + days` inclusive,
      soonest first;
    - overdue: open milestones and open steps due before `today`, the longest overdue first.

    Steps of a milestone already done are left out: the milestone is behind the planner.
    Each entry is a `DueItem` with its goal loaded (`entry.goal.title`, `entry.goal.public_id`)
    and, for a step, its milestone's title. Pass the planner's own date
    (`timezone.localdate()` under their time zone). Two queries, whatever the amount of data.
    """
    goals = Goal.objects.editable_by(user).open()
    horizon = today + timedelta(days=days)
    milestones = (
        Milestone.objects.filter(goal__in=goals, done_at__isnull=True, due_date__lte=horizon)
        .select_related("goal")
        .order_by("due_date", "position")
    )
    steps = (
        ActionStep.objects.filter(
            milestone__goal__in=goals,
            milestone__done_at__isnull=True,
            done_at__isnull=True,
            due_date__lte=horizon,
        )
        .select_related("milestone__goal")
        .order_by("due_date", "position")
    )
    entries = [_entry("milestone", m, m.goal, "", today) for m in milestones]
    entries += [_entry("step", s, s.milestone.goal, s.milestone.title, today) for s in steps]
    entries.sort(key=lambda entry: (entry.due_date, entry.kind != "milestone", entry.title))
    upcoming = [entry for entry in entries if entry.days >= 0]
    overdue = [entry for entry in entries if entry.days < 0]
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
