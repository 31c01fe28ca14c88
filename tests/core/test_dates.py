"""Dates in words: the names are strftime's in the "C" locale, looked up instead of formatted."""

from datetime import date, timedelta

from apps.core.dates import exact_date, long_date


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
