"""The roadmap's geometry: open goals as bars on a month axis, their milestones as markers.

Positions are percentages of the chart's width, so the SVG scales with the screen.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from apps.accounts.models import User
from apps.goals.models import Goal
from apps.milestones.models import Milestone

# How far ahead the roadmap looks, in months: the views the page offers, and the default. A
# goal that ends later is drawn to the edge with a sign that it continues; the page never
# grows wider than the screen.
AHEAD_CHOICES = (6, 12, 24)
AHEAD_DEFAULT = 12
# How far back it looks at most, in months: older starts are clipped the same way.
BEHIND = 3


def _month_start(day: date, months: int = 0) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _pct(value: float) -> str:
    return f"{value:.2f}%"


def _label_steps(months: int) -> tuple[int, int]:
    """Every how many months a tick is labelled on a wide screen, and on a phone."""
    wide = 1 if months <= 13 else 3
    narrow = 1 if months <= 4 else 3 if months <= 16 else 6
    return wide, narrow


@dataclass(frozen=True)
class Axis:
    """Whole months from `start` to `end` (exclusive), mapped onto 0–100% of the width."""

    start: date
    end: date

    @classmethod
    def around(cls, dates: list[date], today: date, ahead: int = AHEAD_DEFAULT) -> "Axis":
        # At least a month back and three ahead, at most BEHIND back and `ahead` ahead: any
        # stored date (up to 9999-12-31) stays inside that window, clipped, instead of
        # stretching the axis over centuries.
        first = max(min([_month_start(today, -1), *dates]), _month_start(today, -BEHIND))
        latest = _month_start(today, ahead + 1) - timedelta(days=1)
        last = min(max([today + timedelta(days=90), *dates]), latest)
        return cls(_month_start(first), _month_start(last, 1))

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month

    def x(self, day: date) -> float:
        span = (self.end - self.start).days
        return 100 * min(max((day - self.start).days, 0), span) / span

    def ticks(self) -> list[dict[str, str]]:
        """A grid line a month; the labels a wide and a narrow screen show, each with the year
        on its first label and wherever the year changes."""
        steps = _label_steps(self.months)
        years: list[int | None] = [None, None]
        ticks = []
        for n in range(self.months):
            month = _month_start(self.start, n)
            labels = []
            for which, step in enumerate(steps):
                if n % step:
                    labels.append("")
                    continue
                labels.append(month.strftime("%b" if month.year == years[which] else "%b %Y"))
                years[which] = month.year
            ticks.append({"x": _pct(self.x(month)), "wide": labels[0], "narrow": labels[1]})
        return ticks


def _milestone_state(milestone: Milestone, today: date) -> str:
    if milestone.is_done:
        return "done"
    return "overdue" if milestone.is_overdue(today) else "open"


def _row(goal: Goal, target: date, axis: Axis, today: date) -> dict[str, Any]:
    """One goal on the roadmap: a bar from when it was set to its target date, filled as far
    as it has progressed, with its milestones as markers."""
    begin = min(timezone.localdate(goal.created_at), target)
    left, right = axis.x(begin), axis.x(target)
    continues = target >= axis.end
    width = right - left
    milestones = list(goal.milestones.all())
    overdue = goal.is_overdue(today)
    markers = [
        {"milestone": m, "x": _pct(axis.x(m.due_date)), "state": _milestone_state(m, today)}
        for m in milestones
        if m.due_date and axis.start <= m.due_date < axis.end
    ]
    return {
        "goal": goal,
        "x": _pct(left),
        "width": _pct(width),
        "done_width": _pct(width * goal.progress / 100),
        "end_x": _pct(right),
        "overdue": overdue,
        # How late an overdue goal is: a warning stretch from its target date to today.
        "late_width": _pct(axis.x(today) - right) if overdue else "",
        "markers": markers,
        # Clipped ends: the bar began before the view, or ends after it.
        "began_before": begin < axis.start,
        "continues": continues,
        "later_count": sum(1 for m in milestones if m.due_date and m.due_date >= axis.end),
        "stones": [],
        "milestones": [(m, _milestone_state(m, today)) for m in milestones],
        "overdue_count": sum(1 for m in milestones if m.is_overdue(today)),
        "done_count": sum(1 for m in milestones if m.is_done),
    }


def _nest(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stepping stones under the long-term goal they serve, in the roadmap's order. A stone of
    a stone goes under the goal at the top of its chain; a stone whose long-term goal is not on
    the roadmap (closed, or without a date) stands on its own."""
    by_pk = {row["goal"].pk: row for row in rows}
    roots = []
    for row in rows:
        top, seen = row, {row["goal"].pk}
        while top["goal"].parent_id in by_pk and top["goal"].parent_id not in seen:
            top = by_pk[top["goal"].parent_id]
            seen.add(top["goal"].pk)
        # A loop of goals serving each other (never made here, but stored data is trusted to
        # nothing) leaves every goal of it on its own.
        looped = top["goal"].parent_id in seen
        if top is row or looped:
            roots.append(row)
        else:
            top["stones"].append(row)
    return roots


def roadmap(user: User, today: date, ahead: int = AHEAD_DEFAULT) -> dict[str, Any]:
    """The roadmap of the planner's goals that are still open, `ahead` months ahead at most,
    in two queries."""
    milestones = Prefetch("milestones", queryset=Milestone.objects.order_by("due_date", "position"))
    goals = list(
        Goal.objects.owned_by(user).open().with_progress().in_order().prefetch_related(milestones)
    )
    dated = [(g, g.target_date) for g in goals if g.target_date]
    dates = [target for _, target in dated]
    dates += [m.due_date for g, _ in dated for m in g.milestones.all() if m.due_date]
    axis = Axis.around(dates, today, ahead)
    rows = [_row(goal, target, axis, today) for goal, target in dated]
    return {
        "axis": axis,
        "ahead": ahead,
        "ahead_choices": AHEAD_CHOICES,
        "today_x": _pct(axis.x(today)),
        "rows": _nest(rows),
        "row_count": len(rows),
        "undated": [g for g in goals if not g.target_date],
        "today": today,
    }
