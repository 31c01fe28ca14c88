"""Dates for rows: `moment_writer` writes what the `date` filter would, so rows may use it
instead; the names of dates in words are strftime's in the "C" locale, looked up instead of
formatted."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.template import engines
from django.utils import timezone

from apps.core.dates import exact_date, long_date, moment_writer

SHOWN = ["j M Y", "D j M, H:i", "j M Y, H:i", "j F Y, H:i"]


@pytest.mark.parametrize("zone", ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata"])
def test_moments_are_written_as_the_date_filter_writes_them(zone):
    template = engines["django"].from_string(
        "|".join(["{{ moment|date:'c' }}", *(f'{{{{ moment|date:"{s}" }}}}' for s in SHOWN)])
    )
    start = datetime(2026, 1, 1, 0, 0, 5, tzinfo=UTC)
    with timezone.override(ZoneInfo(zone)):
        writers = [moment_writer(shown) for shown in SHOWN]
        for step in range(0, 24 * 400, 7):  # every hour of the day, each month, both DST edges
            moment = start + timedelta(hours=step, microseconds=step % 2 * 123)
            ours = [writers[0](moment)[0], *(write(moment)[1] for write in writers)]
            assert "|".join(ours) == template.render({"moment": moment})


def test_a_format_it_does_not_know_is_refused():
    with pytest.raises(ValueError, match="cannot write"):
        moment_writer("N jS")


def test_the_names_are_strftimes():
    start = date(2024, 1, 1)
    for offset in range(0, 800, 3):
        day = start + timedelta(days=offset)
        assert long_date(day) == f"{day:%A} {day.day} {day:%B %Y}"
        assert exact_date(day) == f"{day.day} {day:%b} {day.year}"
        assert exact_date(day, today=day) == f"{day.day} {day:%b}"


def test_examples():
    assert long_date(date(2026, 4, 9)) == "Thursday 9 April 2026"
    assert exact_date(date(2026, 4, 9), date(2026, 1, 1)) == "9 Apr"
    assert exact_date(date(2027, 4, 9), date(2026, 1, 1)) == "9 Apr 2027"
