"""Dates in words, the same everywhere in the product.

Every page that says when something is due or happened says it through these functions, with
the planner's own `today` (`timezone.localdate()` under their time zone). Moments in time
(when a goal was changed) use `django.contrib.humanize`'s `naturaltime`, which is right for
those; its `naturalday` is not used for days because it compares with the server's date, not
the planner's.
"""

from datetime import date


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
