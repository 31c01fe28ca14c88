"""Charts over time: one object gives both the data Chart.js draws (passed with `json_script`,
drawn by static/js/progress-charts.js on a date axis every line shares) and the same numbers
as a table, so that the two cannot disagree. The table is what a screen reader reads and what a
browser without JavaScript shows (templates/components/time_chart.html)."""

from dataclasses import dataclass
from datetime import date

from django.utils import dateformat


@dataclass(frozen=True)
class Series:
    label: str
    data: list[int | None]  # one value per date of the chart; None where there is none


@dataclass(frozen=True)
class TimeChart:
    dates: list[date]
    series: list[Series]
    top: int
    step: int
    unit: str  # "%" or " of 5", written after each value in the table
    left_out: int = 0
    date_title: str = "Check-in"  # the table's first column
    axis_title: str = "Check-in date"
    value_title: str = "Progress (%)"

    @property
    def data(self) -> dict:
        return {
            "dates": [d.isoformat() for d in self.dates],
            "series": [{"label": s.label, "data": s.data} for s in self.series],
            "max": self.top,
            "step": self.step,
            "unit": self.unit,
            "x_title": self.axis_title,
            "y_title": self.value_title,
        }

    @property
    def rows(self) -> list[tuple[date, str, list[str]]]:
        """(date, date in words, one cell per series) for the table; "—" where there is none."""
        return [
            (
                day,
                dateformat.format(day, "j M Y"),
                ["—" if s.data[i] is None else f"{s.data[i]}{self.unit}" for s in self.series],
            )
            for i, day in enumerate(self.dates)
        ]
