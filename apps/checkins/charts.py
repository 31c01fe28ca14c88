"""The check-in charts: confidence and goal progress at each check-in, on one date axis."""

from collections.abc import Iterable, Sequence
from datetime import date

from django.utils import timezone

from apps.checkins.models import CheckIn, CheckInGoal
from apps.core.charts import Series, TimeChart
from apps.goals.models import Status

# Lines beyond this many stop being told apart (each has its own colour, dash and marker);
# the caption says how many goals were left out.
MAX_SERIES = 8


def _day(checkin: CheckIn) -> date:
    # Only completed check-ins are charted; a draft would stand at today.
    return timezone.localtime(checkin.completed_at or timezone.now()).date()


def _oldest_first(checkins: Iterable[CheckIn]) -> list[CheckIn]:
    return sorted(checkins, key=lambda c: c.completed_at or timezone.now())


def confidence_chart(checkins: Sequence[CheckIn]) -> TimeChart | None:
    """Confidence (1–5) at each completed check-in that rated it; nothing to draw below two."""
    rated = [c for c in _oldest_first(checkins) if c.confidence]
    if len(rated) < 2:
        return None
    return TimeChart(
        dates=[_day(c) for c in rated],
        series=[Series("Confidence", [c.confidence for c in rated])],
        top=5,
        step=1,
        unit=" of 5",
        value_title="Confidence (1–5)",
    )


def progress_chart(checkins: Sequence[CheckIn], entries: Iterable[CheckInGoal]) -> TimeChart | None:
    """Each goal's progress (0–100 %) at each check-in; a goal the check-in did not cover has a
    gap there. Goals come in the order they first appear, so a chart keeps its colours as it
    grows. Nothing to draw below two check-ins."""
    ordered = _oldest_first(checkins)
    if len(ordered) < 2:
        return None
    column = {c.pk: i for i, c in enumerate(ordered)}
    goals: dict[int, tuple[str, list[int | None]]] = {}
    for entry in sorted(entries, key=lambda e: (column.get(e.checkin_id, -1), e.goal_id)):
        if entry.checkin_id not in column:
            continue
        _, values = goals.setdefault(entry.goal_id, (entry.goal.title, [None] * len(ordered)))
        values[column[entry.checkin_id]] = entry.progress
    if not goals:
        return None
    series = [Series(title, values) for title, values in goals.values()]
    return TimeChart(
        dates=[_day(c) for c in ordered],
        series=series[:MAX_SERIES],
        top=100,
        step=25,
        unit="%",
        left_out=max(len(series) - MAX_SERIES, 0),
    )


def recent_progress_chart(user, *, last: int = 12) -> TimeChart | None:
    """The progress of the planner's active goals over their last few check-ins (two queries).

    Only what the chart draws is read: the dates, each goal's title and progress, not the
    check-ins' notes."""
    checkins = CheckIn.objects.owned_by(user).completed().only("completed_at")
    recent = list(checkins.order_by("-completed_at")[:last])
    if len(recent) < 2:
        return None
    entries = (
        CheckInGoal.objects.owned_by(user)
        .filter(checkin__in=recent, goal__status=Status.ACTIVE)
        .select_related("goal")
        .only("checkin", "goal__title", "progress")
    )
    return progress_chart(recent, entries)
