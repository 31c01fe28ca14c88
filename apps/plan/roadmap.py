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

# The farthest the axis reaches, in months from today.
HORIZON = 12 * 30


def _month_start(day: date, months: int = 0) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _pct(value: float) -> str:
    return f"{value:.2f}%"


@dataclass(frozen=True)
class Axis:
    """Whole months from `start` to `end` (exclusive), mapped onto 0–100% of the width."""

    start: date
    end: date

    @classmethod
    def around(cls, dates: list[date], today: date) -> "Axis":
        # At least a month back and three ahead; never more than a year into the past.
        # Far-off dates (any stored date, up to 9999-12-31) pin their bar to the right edge
        # instead of stretching the axis over centuries.
        first = max(min([_month_start(today, -1), *dates]), _month_start(today, -12))
        last = min(max([today + timedelta(days=90), *dates]), _month_start(today, HORIZON))
        return cls(_month_start(first), _month_start(last, 1))

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month

    def x(self, day: date) -> float:
        span = (self.end - self.start).days
        return 100 * min(max((day - self.start).days, 0), span) / span

    def ticks(self) -> list[dict[str, str]]:
        step = 1 if self.months <= 12 else 3 if self.months <= 36 else 12
        ticks, year = [], None
        for n in range(0, self.months, step):
            month = _month_start(self.start, n)
            # The year on the first tick and wherever it changes, so that long spans read.
            label = month.strftime("%b" if month.year == year else "%b %Y")
            year = month.year
            ticks.append({"x": _pct(self.x(month)), "label": label})
        return ticks

    @property
    def size(self) -> str:
        """How wide the roadmap must be to stay legible; narrower screens scroll sideways."""
        months = self.months
        return "s" if months <= 6 else "m" if months <= 12 else "l" if months <= 24 else "xl"


def _milestone_state(milestone: Milestone, today: date) -> str:
    if milestone.is_done:
        return "done"
    return "overdue" if milestone.is_overdue(today) else "open"


def _row(goal: Goal, target: date, axis: Axis, today: date) -> dict[str, Any]:
    """One goal on the roadmap: a bar from when it was set to its target date, filled as far
    as it has progressed, with its milestones as markers."""
    begin = min(timezone.localdate(goal.created_at), target)
    left, right = axis.x(begin), axis.x(target)
    width = right - left
    milestones = list(goal.milestones.all())
    overdue = goal.is_overdue(today)
    markers = [
        {"milestone": m, "x": _pct(axis.x(m.due_date)), "state": _milestone_state(m, today)}
        for m in milestones
        if m.due_date
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
        "milestones": [(m, _milestone_state(m, today)) for m in milestones],
        "overdue_count": sum(1 for m in milestones if m.is_overdue(today)),
        "done_count": sum(1 for m in milestones if m.is_done),
    }


def roadmap(user: User, today: date) -> dict[str, Any]:
    """The roadmap of the goals `user` may read that are still open, in two queries."""
    milestones = Prefetch("milestones", queryset=Milestone.objects.order_by("due_date", "position"))
    goals = list(
        Goal.objects.owned_by(user).open().with_progress().in_order().prefetch_related(milestones)
    )
    dated = [(g, g.target_date) for g in goals if g.target_date]
    dates = [target for _, target in dated]
    dates += [m.due_date for g, _ in dated for m in g.milestones.all() if m.due_date]
    axis = Axis.around(dates, today)
    return {
        "axis": axis,
        "today_x": _pct(axis.x(today)),
        "rows": [_row(goal, target, axis, today) for goal, target in dated],
        "undated": [g for g in goals if not g.target_date],
        "today": today,
    }
