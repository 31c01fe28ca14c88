from datetime import UTC, datetime, time

import pytest

from apps.checkins.services.schedules import schedule_save
from tests.checkins import mailserver

# A Monday morning, before the default 08:30 reminders of Berlin (07:30 UTC in winter).
MONDAY = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


@pytest.fixture
def flaky_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.checkins.mailserver.FlakyMailServer"}}
    mailserver.FAILURES.clear()
    yield mailserver.FAILURES
    mailserver.FAILURES.clear()


@pytest.fixture
def weekly_alice(alice, time_machine):
    time_machine.move_to(MONDAY, tick=False)
    return schedule_save(
        user=alice, frequency="weekly", timezone="Europe/Berlin", weekday=0, local_time=time(8, 30)
    )
