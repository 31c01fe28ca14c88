"""All occurrence maths of check-in schedules, in one place.

A schedule is a rule on the planner's local wall clock ("every other Monday at 08:30 in
Europe/Berlin"). Occurrences are computed in that zone with `zoneinfo` and handed out in UTC:

- 08:30 stays 08:30 local across DST changes;
- a local time that does not exist (clocks spring forward) moves to the first valid minute
  after it;
- an ambiguous local time (clocks fall back) is used once, at its first occurrence;
- monthly on the 29th–31st falls on the last day of shorter months ("last day" is day 0);
  quarterly likewise, every third month counted from the anchor's month;
- every two weeks starts on the first matching weekday on or after the anchor date.

Each occurrence has a key, its local date, which is unique per schedule and names the period
in the reminder outbox.
"""

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

DAILY, WEEKLY, BIWEEKLY, MONTHLY, QUARTERLY = "daily", "weekly", "biweekly", "monthly", "quarterly"
LAST_DAY = 0


@dataclass(frozen=True)
class Rule:
    frequency: str
    local_time: time
    timezone: str
    anchor: date
    weekday: int = 0  # Monday = 0, for weekly and every two weeks
    day_of_month: int = 1  # 1–31, or LAST_DAY, for monthly and quarterly


@dataclass(frozen=True)
class Occurrence:
    at: datetime  # UTC
    key: str  # the local date, e.g. "2026-12-07"


def _day_in_month(year: int, month: int, day_of_month: int) -> date:
    last = calendar.monthrange(year, month)[1]
    day = last if day_of_month == LAST_DAY else min(day_of_month, last)
    return date(year, month, day)


def _candidate_dates(rule: Rule, start: date) -> Iterator[date]:
    """Local dates the rule falls on, in order, from `start` (inclusive) onwards."""
    if rule.frequency == DAILY:
        day = start
        while True:
            yield day
            day += timedelta(days=1)
    if rule.frequency in (WEEKLY, BIWEEKLY):
        day = start + timedelta(days=(rule.weekday - start.weekday()) % 7)
        step = 7
        if rule.frequency == BIWEEKLY:
            # The first such weekday on or after the anchor starts the every-other-week rhythm.
            first = rule.anchor + timedelta(days=(rule.weekday - rule.anchor.weekday()) % 7)
            if ((day - first).days // 7) % 2:
                day += timedelta(days=7)
            step = 14
        while True:
            yield day
            day += timedelta(days=step)
    every = 1 if rule.frequency == MONTHLY else 3
    year, month = start.year, start.month
    if every == 3:
        while (month - rule.anchor.month) % 3:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while True:
        day = _day_in_month(year, month, rule.day_of_month)
        if day >= start:
            yield day
        month += every
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1


def to_utc(local_day: date, local_time: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of a wall-clock time, moving times in a DST gap to the gap's end."""
    wall = datetime.combine(local_day, local_time, tzinfo=zone)  # fold=0: the first of two
    for _ in range(24 * 60):
        instant = wall.astimezone(UTC)
        if instant.astimezone(zone).replace(tzinfo=None) == wall.replace(tzinfo=None):
            return instant
        wall += timedelta(minutes=1)
    raise ValueError(f"no valid local time near {local_day} {local_time} in {zone}")


def local_date(zone: str, moment: datetime) -> date:
    """The date on the wall calendar of `zone` at the instant `moment`."""
    return moment.astimezone(ZoneInfo(zone)).date()


def occurrences_after(rule: Rule, after: datetime) -> Iterator[Occurrence]:
    """Occurrences strictly after the UTC instant `after`, in order."""
    zone = ZoneInfo(rule.timezone)
    start = after.astimezone(zone).date() - timedelta(days=1)
    for day in _candidate_dates(rule, max(start, rule.anchor)):
        at = to_utc(day, rule.local_time, zone)
        if at > after:
            yield Occurrence(at=at, key=day.isoformat())


@lru_cache(maxsize=8192)
def next_occurrence(rule: Rule, after: datetime) -> Occurrence:
    # Cached: a sweep asks the same question ("next after now") for many planners who share
    # a rule (weekly, Monday, 08:30, Europe/Berlin), and the answer never changes.
    return next(occurrences_after(rule, after))
