"""IANA time zones offered to people and accepted from them."""

import zoneinfo
from functools import cache
from importlib import resources

from django.core.exceptions import ValidationError


@cache
def timezone_names() -> tuple[str, ...]:
    # The legacy aliases ("US/Eastern", "Etc/GMT+5") are valid but confusing; offer the
    # Area/City names and UTC.
    names = {
        name
        for name in zoneinfo.available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/"))
    }
    return ("UTC", *sorted(names))


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            "%(value)s is not a time zone we know. Pick one from the list, e.g. Europe/Berlin.",
            code="invalid_timezone",
            params={"value": value},
        )


# Offered first in a zone picker: where most people who plan in English live and work.
COMMON_TIMEZONES = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "America/Sao_Paulo",
    "Africa/Lagos",
    "Africa/Johannesburg",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
)


@cache
def canonical_timezones() -> tuple[str, ...]:
    """Each place once under its current name, common ones first: the zones of the IANA
    database's country table (zone.tab), which leaves out the links kept for old names
    ("Asia/Calcutta", "Europe/Kiev", "US/Eastern") but keeps every country's own zone."""
    table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text()
    zones = {
        line.split("\t")[2].strip()
        for line in table.splitlines()
        if line and not line.startswith("#")
    }
    return (*COMMON_TIMEZONES, *sorted(zones - set(COMMON_TIMEZONES)))


@cache
def _by_spelling() -> dict[str, str]:
    names = {name: name for name in zoneinfo.available_timezones()}
    return {key.casefold().replace(" ", "_"): name for key, name in names.items()}


def find_timezone(typed: str) -> str | None:
    """The zone a person typed, forgiving case and spaces for underscores ("new york" is not
    enough, "America/New York" is); None when there is no such zone."""
    return _by_spelling().get(typed.strip().casefold().replace(" ", "_"))
