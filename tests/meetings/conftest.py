from datetime import UTC, datetime, time

import pytest
from django.test import Client

from apps.meetings.services.schedule import series_save
from tests.checkins import mailserver
from tests.factories import MentorshipFactory

# Monday 30 November 2026, 06:00 UTC.
MONDAY = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


@pytest.fixture
def flaky_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.checkins.mailserver.FlakyMailServer"}}
    mailserver.FAILURES.clear()
    yield mailserver.FAILURES
    mailserver.FAILURES.clear()


@pytest.fixture
def mentorship(alice, bob):
    return MentorshipFactory(planner=alice, mentor=bob, all_goals=True, share_checkins=True)


@pytest.fixture
def weekly(mentorship, bob, time_machine):
    """Bob sets weekly meetings on Wednesdays at 10:00 Berlin time (09:00 UTC in winter)."""
    time_machine.move_to(MONDAY, tick=False)
    return series_save(
        mentorship=mentorship,
        by=bob,
        frequency="weekly",
        weekday=2,
        local_time=time(10, 0),
        timezone="Europe/Berlin",
    )


@pytest.fixture
def sweep_at(time_machine, django_capture_on_commit_callbacks):
    """Move the clock to `moment` and run one meeting sweep there, its sends included."""
    from apps.meetings.services.sweep import meeting_reminder_sweep

    def sweep(moment):
        time_machine.move_to(moment, tick=False)
        with django_capture_on_commit_callbacks(execute=True):
            return meeting_reminder_sweep()

    return sweep


@pytest.fixture
def bob_client(bob):
    """A client of bob's own, beside the default one."""
    bobs = Client()
    bobs.force_login(bob)
    return bobs
