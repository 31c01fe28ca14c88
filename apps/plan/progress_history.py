"""A goal's progress over time, for its page: a number-tracked goal from the history of its
number, any other from the days its milestones were reached. Built from what the page has
already loaded (its revisions and milestones), so the chart costs no query."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from apps.core.charts import Series, TimeChart
from apps.goals.models import Goal, GoalRevision, MeasureKind, Status
from apps.milestones.models import Milestone


def _percent(goal: Goal, value: object) -> int | None:
    """`value` of the goal's number as progress, as Goal.progress counts it."""
    start, stop = goal.baseline, goal.target_value
    try:
        now = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if start is None or stop is None or stop == start:
        return None
    return max(0, min(100, int((now - start) / (stop - start) * 100)))


def _value_change(revision: GoalRevision) -> tuple[object, object] | None:
    """(before, after) of the number, if the revision changed it and says so sanely."""
    change = revision.changes.get("current_value") if isinstance(revision.changes, dict) else None
    return (change[0], change[1]) if isinstance(change, list) and len(change) == 2 else None


def _from_number(goal: Goal, revisions: list[GoalRevision]) -> dict[date, int]:
    # Oldest first; two changes in the same instant in the order they were written.
    changes = [
        (r.created_at, pair)
        for r in sorted(revisions, key=lambda r: (r.created_at, r.pk))
        if (pair := _value_change(r))
    ]
    points: dict[date, int] = {}
    if changes:
        first = _percent(goal, changes[0][1][0])
        if first is not None:
            points[timezone.localdate(goal.created_at)] = first
    for when, (_, after) in changes:
        value = _percent(goal, after)
        if value is not None:  # the last change of a day is where the day ended
            points[timezone.localdate(when)] = value
    return points


def _from_milestones(goal: Goal, milestones: list[Milestone]) -> dict[date, int]:
    reached = sorted(timezone.localdate(m.done_at) for m in milestones if m.done_at)
    if not reached:
        return {}
    points = {timezone.localdate(goal.created_at): 0}
    for count, day in enumerate(reached, start=1):
        points[day] = round(100 * count / len(milestones))
    return points


def goal_progress_chart(
    goal: Goal, *, revisions: list[GoalRevision], milestones: list[Milestone]
) -> TimeChart | None:
    """Nothing to draw before the goal has moved at least once."""
    if goal.measure_kind == MeasureKind.NUMBER:
        points = _from_number(goal, revisions)
    else:
        points = _from_milestones(goal, milestones)
    if goal.status == Status.ACHIEVED and goal.achieved_at and points:
        points[timezone.localdate(goal.achieved_at)] = 100
    if len(points) < 2:
        return None
    days = sorted(points)
    return TimeChart(
        dates=days,
        series=[Series(goal.title, [points[day] for day in days])],
        top=100,
        step=25,
        unit="%",
        date_title="Date",
        axis_title="Date",
    )
