"""The assessment's charts: the data Chart.js draws (passed with `json_script`, drawn by
static/js/assessment-charts.js) and the same numbers as a table, built from one object so that
the two cannot disagree. The table is what a screen reader reads and what a browser without
JavaScript shows."""

from dataclasses import dataclass, field

from django.utils import dateformat, timezone

from apps.assessment import riasec
from apps.assessment.compare import AreaRow, SkillRow
from apps.assessment.models import RATING_MAX, InterestResult

# A radar with more spokes than this is a hedgehog: the table has the rest.
RADAR_SPOKES = 12


@dataclass(frozen=True)
class Series:
    label: str
    data: list[int | None]


@dataclass(frozen=True)
class Chart:
    kind: str  # "bar" or "radar"
    labels: list[str]
    series: list[Series]
    top: int
    step: int
    label_title: str = ""
    notes: list[str] = field(default_factory=list)
    notes_title: str = ""

    @property
    def data(self) -> dict:
        return {
            "type": self.kind,
            "labels": self.labels,
            "series": [{"label": s.label, "data": s.data} for s in self.series],
            "max": self.top,
            "step": self.step,
        }

    @property
    def rows(self) -> list[tuple[str, list[str], str]]:
        """(label, one cell per series, note) for the table; "—" where there is no value."""
        return [
            (
                label,
                ["—" if s.data[i] is None else str(s.data[i]) for s in self.series],
                self.notes[i] if self.notes else "",
            )
            for i, label in enumerate(self.labels)
        ]


def _day(moment) -> str:
    return dateformat.format(timezone.localtime(moment), "j M Y")


def _scores(result: InterestResult) -> Series:
    return Series(
        f"{_day(result.created_at)} ({result.code})",
        [result.scores.get(area.letter, 0) for area in riasec.AREAS],
    )


def interest_bars(latest: InterestResult, previous: InterestResult | None) -> Chart:
    series = [_scores(previous), _scores(latest)] if previous else [_scores(latest)]
    return Chart(
        "bar",
        [area.name for area in riasec.AREAS],
        series,
        top=100,
        step=20,
        label_title="Area",
    )


def radar_rows(rows: list[SkillRow]) -> list[SkillRow]:
    """The skills the radar draws: rated on either side; when there are too many, the ones
    that moved most, kept in the table's (alphabetical) order."""
    rated = [row for row in rows if row.then is not None or row.now is not None]
    if len(rated) <= RADAR_SPOKES:
        return rated
    movers = sorted(rated, key=lambda row: -abs((row.now or 0) - (row.then or 0)))
    keep = {id(row) for row in movers[:RADAR_SPOKES]}
    return [row for row in rated if id(row) in keep]


def skills_radar(rows: list[SkillRow], then_label: str, now_label: str) -> Chart:
    return Chart(
        "radar",
        [row.name for row in rows],
        [
            Series(then_label, [row.then for row in rows]),
            Series(now_label, [row.now for row in rows]),
        ],
        top=RATING_MAX,
        step=1,
        label_title="Skill",
        notes=[row.words for row in rows],
        notes_title="Change",
    )


def interest_comparison(rows: list[AreaRow], then_label: str, now_label: str) -> Chart:
    def change(row: AreaRow) -> str:
        if row.then is None or row.now is None:
            return ""
        delta = row.now - row.then
        return f"{delta:+d}" if delta else "no change"

    return Chart(
        "bar",
        [row.name for row in rows],
        [
            Series(then_label, [row.then for row in rows]),
            Series(now_label, [row.now for row in rows]),
        ],
        top=100,
        step=20,
        label_title="Area",
        notes=[change(row) for row in rows],
        notes_title="Change",
    )
