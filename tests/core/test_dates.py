"""`moment_writer` writes what the `date` filter would, so rows may use it instead."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.template import engines
from django.utils import timezone

from apps.core.dates import moment_writer

SHOWN = ["j M Y", "D j M, H:i", "j M Y, H:i"]


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
