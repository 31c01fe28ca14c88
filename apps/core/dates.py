"""Dates in words, the same everywhere in the product.

Every page that says when something is due or happened says it through these functions, with
the planner's own `today` (`timezone.localdate()` under their time zone). Moments in time
(when a goal was changed) use `django.contrib.humanize`'s `naturaltime`, which is right for
those; its `naturalday` is not used for days because it compares with the server's date, not
the planner's.
"""

from collections.abc import Callable
from datetime import date, datetime
from functools import cache

from django.utils import timezone, translation
from django.utils.dates import MONTHS, MONTHS_3, WEEKDAYS_ABBR


def span_in_words(days: int) -> str:
    """A positive number of days as people say it: '1 day', '12 days', '3 weeks', '5 months'."""

    def unit(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    if days < 14:
        return unit(days, "day")
    if days < 60:
        return unit(days // 7, "week")
    if days < 730:
        return unit(days // 30, "month")
    return unit(days // 365, "year")


def relative_day(day: date, today: date) -> str:
    """'today', 'tomorrow', 'yesterday', 'in 12 days', '3 weeks ago'."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    amount = span_in_words(abs(delta))
    return f"in {amount}" if delta > 0 else f"{amount} ago"


def due_in_words(day: date, today: date) -> str:
    """A deadline seen from today: 'due in 4 weeks', 'due tomorrow', 'due today', '3 days
    overdue'."""
    delta = (day - today).days
    if delta < 0:
        return f"{span_in_words(-delta)} overdue"
    if delta <= 1:
        return f"due {relative_day(day, today)}"
    return f"due in {span_in_words(delta)}"


# The names strftime gives in the "C" locale, which is the one Python leaves it in: looked up
# here, since strftime cost ten times as long, and long lists write a date or two per row.
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def exact_date(day: date, today: date | None = None) -> str:
    """'9 Apr 2026'; given `today`, the year only when it is not this year: '9 Apr'."""
    short = f"{day.day} {MONTH_NAMES[day.month - 1][:3]}"
    return short if today is not None and day.year == today.year else f"{short} {day.year}"


def long_date(day: date) -> str:
    """'Thursday 9 April 2026', for a title on hover and focus."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def moment_writer(shown: str) -> Callable[[datetime], tuple[str, str]]:
    """Writes a moment in the viewer's time zone as `{{ moment|date:'c' }}` and `{{ moment|
    date:shown }}` do, for rows that show many: the filter costs some 40 µs a moment, this a
    fraction (the zone and the language are looked up once, not per moment). `shown` may use
    j, D, M, F, Y, H and i as the filter reads them; other characters stay as they are."""
    zone = timezone.get_current_timezone()
    months, month_names, weekdays = _names(translation.get_language())
    template = _template(shown)

    def write(moment: datetime) -> tuple[str, str]:
        local = moment.astimezone(zone)
        text = template.format(
            day=local.day,
            weekday=weekdays[local.weekday()],
            month=months[local.month],
            month_name=month_names[local.month],
            year=local.year,
            hour=local.hour,
            minute=local.minute,
        )
        return local.isoformat(), text

    return write


@cache
def _names(language: str | None) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    """The date filter's month abbreviations and names and its weekday abbreviations ("Jan",
    "January", "Mon") in `language`, which is active when this is first asked."""
    return (
        {n: str(name).title() for n, name in MONTHS_3.items()},
        {n: str(name) for n, name in MONTHS.items()},
        {n: str(name) for n, name in WEEKDAYS_ABBR.items()},
    )


_FIELDS = {
    "j": "{day}",
    "D": "{weekday}",
    "M": "{month}",
    "F": "{month_name}",
    "Y": "{year:04d}",
    "H": "{hour:02d}",
    "i": "{minute:02d}",
}


@cache
def _template(shown: str) -> str:
    """`shown` as a str.format template of `moment_writer`'s fields."""
    if any(c.isalpha() and c not in _FIELDS for c in shown) or "\\" in shown:
        raise ValueError(f"moment_writer cannot write {shown!r}")
    literal = {"{": "{{", "}": "}}"}
    return "".join(_FIELDS.get(c) or literal.get(c, c) for c in shown)


# How far ahead a plan can reach. A later year (20255 for 2025) is a typing slip, not a plan.
PLAN_YEARS_AHEAD = 100


def plan_date_problem(day: date, *, earliest: date, today: date, before: str) -> str | None:
    """Why `day` cannot be a date in a plan, or None: it is before `earliest` (described by
    `before`, e.g. "you set this goal"), or too far ahead to be meant. One rule for goals,
    milestones and steps."""
    if day < earliest:
        return f"That is before {before} ({exact_date(earliest)}): pick that day or later."
    if day.year > today.year + PLAN_YEARS_AHEAD:
        return (
            f"Pick a date before {today.year + PLAN_YEARS_AHEAD + 1}: "
            "a year that far ahead is most likely a typing slip."
        )
    return None
