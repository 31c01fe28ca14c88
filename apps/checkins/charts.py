"""Small server-rendered SVG line charts (no script, so the CSP stays strict)."""

from dataclasses import dataclass

WIDTH, HEIGHT, PAD = 600, 160, 24


@dataclass
class Series:
    label: str
    points: str  # "x,y x,y …" in the chart's coordinates
    last: int


@dataclass
class Chart:
    series: list[Series]
    dates: list[str]
    y_max: int


def _points(values: list[float], y_max: float) -> str:
    if not values:
        return ""
    step = (WIDTH - 2 * PAD) / max(len(values) - 1, 1)
    return " ".join(
        f"{PAD + i * step:.1f},{HEIGHT - PAD - (v / y_max) * (HEIGHT - 2 * PAD):.1f}"
        for i, v in enumerate(values)
    )


def confidence_chart(checkins: list) -> Chart | None:
    rated = [c for c in reversed(checkins) if c.confidence]
    if len(rated) < 2:
        return None
    values = [c.confidence for c in rated]
    return Chart(
        series=[Series("Confidence", _points(values, 5), values[-1])],
        dates=[f"{c.completed_at:%d %b}" for c in rated],
        y_max=5,
    )


def progress_chart(checkins: list, entries: list) -> Chart | None:
    order = {c.pk: i for i, c in enumerate(reversed(checkins))}
    by_goal: dict[int, list] = {}
    for entry in entries:
        by_goal.setdefault(entry.goal_id, []).append(entry)
    series = []
    for goal_entries in by_goal.values():
        goal_entries.sort(key=lambda e: order[e.checkin_id])
        if len(goal_entries) >= 2:
            values = [e.progress for e in goal_entries]
            series.append(Series(goal_entries[0].goal.title, _points(values, 100), values[-1]))
    if not series:
        return None
    return Chart(series=series[:6], dates=[], y_max=100)
