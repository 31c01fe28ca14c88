"""The occurrence maths: wall-clock rules in the planner's zone, handed out in UTC."""

from datetime import UTC, date, datetime, time, timedelta
from itertools import islice, pairwise
from zoneinfo import ZoneInfo

import pytest

from apps.checkins.occurrences import (
    BIWEEKLY,
    LAST_DAY,
    MONTHLY,
    QUARTERLY,
    WEEKLY,
    Rule,
    next_occurrence,
    occurrences_after,
)

START = datetime(2026, 1, 1, tzinfo=UTC)


def _local(occurrence, zone):
    return occurrence.at.astimezone(ZoneInfo(zone))


def test_weekly_on_monday_at_half_past_eight():
    rule = Rule(WEEKLY, time(8, 30), "Europe/Berlin", date(2026, 1, 1), weekday=0)
    found = list(islice(occurrences_after(rule, START), 52))
    assert [_local(o, "Europe/Berlin").weekday() for o in found] == [0] * 52
    assert found[0].key == "2026-01-05"
    assert all(
        b.at - a.at in {timedelta(days=7), timedelta(days=7, hours=1), timedelta(days=7, hours=-1)}
        for a, b in pairwise(found)
    )


def test_every_two_weeks_counts_from_the_anchor_week():
    rule = Rule(BIWEEKLY, time(9, 0), "UTC", date(2026, 1, 7), weekday=0)  # set on a Wednesday
    keys = [o.key for o in islice(occurrences_after(rule, START), 4)]
    # The first Monday after the anchor, then every other Monday.
    assert keys == ["2026-01-12", "2026-01-26", "2026-02-09", "2026-02-23"]
    later = datetime(2026, 1, 13, tzinfo=UTC)
    assert next_occurrence(rule, later).key == "2026-01-26"


def test_monthly_on_the_31st_falls_on_the_last_day_of_shorter_months():
    rule = Rule(MONTHLY, time(7, 0), "UTC", date(2026, 1, 1), day_of_month=31)
    keys = [o.key for o in islice(occurrences_after(rule, START), 12)]
    assert keys[:4] == ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]
    assert len(set(keys)) == 12


def test_last_day_of_the_month_in_a_leap_year():
    rule = Rule(MONTHLY, time(7, 0), "UTC", date(2028, 1, 1), day_of_month=LAST_DAY)
    keys = [o.key for o in islice(occurrences_after(rule, datetime(2028, 1, 1, tzinfo=UTC)), 3)]
    assert keys == ["2028-01-31", "2028-02-29", "2028-03-31"]


def test_quarterly_every_third_month_from_the_anchor_month():
    rule = Rule(QUARTERLY, time(18, 0), "UTC", date(2026, 2, 10), day_of_month=31)
    keys = [o.key for o in islice(occurrences_after(rule, START), 5)]
    assert keys == ["2026-02-28", "2026-05-31", "2026-08-31", "2026-11-30", "2027-02-28"]


@pytest.mark.parametrize(
    "zone", ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata"]
)
@pytest.mark.parametrize("frequency", [WEEKLY, BIWEEKLY, MONTHLY, QUARTERLY])
def test_sixty_occurrences_across_dst_keep_local_time(zone, frequency):
    rule = Rule(frequency, time(8, 30), zone, date(2026, 1, 1), weekday=6, day_of_month=31)
    found = list(islice(occurrences_after(rule, START), 60))
    assert [_local(o, zone).time() for o in found] == [time(8, 30)] * 60
    assert all(a.at < b.at for a, b in pairwise(found))
    assert len({o.key for o in found}) == 60


def test_a_time_skipped_by_spring_forward_moves_to_the_first_valid_minute():
    # New York, 8 March 2026: clocks jump from 02:00 to 03:00.
    rule = Rule(WEEKLY, time(2, 30), "America/New_York", date(2026, 3, 1), weekday=6)
    found = next_occurrence(rule, datetime(2026, 3, 7, tzinfo=UTC))
    assert found.key == "2026-03-08"
    assert _local(found, "America/New_York").time() == time(3, 0)


def test_an_ambiguous_time_at_fall_back_is_used_once_at_its_first_occurrence():
    # New York, 1 November 2026: 01:30 happens twice (EDT, then EST).
    rule = Rule(WEEKLY, time(1, 30), "America/New_York", date(2026, 10, 1), weekday=6)
    first = next_occurrence(rule, datetime(2026, 10, 31, tzinfo=UTC))
    assert first.at == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT
    after_first = next_occurrence(rule, first.at)
    assert after_first.key == "2026-11-08"  # not the second 01:30 of the same night


def test_next_occurrence_is_strictly_after_the_given_moment():
    rule = Rule(WEEKLY, time(8, 30), "UTC", date(2026, 1, 1), weekday=0)
    exact = datetime(2026, 1, 5, 8, 30, tzinfo=UTC)
    assert next_occurrence(rule, exact).key == "2026-01-12"
    assert next_occurrence(rule, exact - timedelta(seconds=1)).key == "2026-01-05"
