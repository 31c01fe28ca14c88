from datetime import UTC, datetime

import pytest

from tests.checkins import mailserver
from tests.notifications import kinds  # noqa: F401  (registers the test kind)

# A Monday morning, 06:00 UTC: 07:00 in Berlin, before the 08:00 digest.
MONDAY = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


@pytest.fixture
def flaky_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.checkins.mailserver.FlakyMailServer"}}
    mailserver.FAILURES.clear()
    yield mailserver.FAILURES
    mailserver.FAILURES.clear()


@pytest.fixture
def monday(time_machine):
    time_machine.move_to(MONDAY, tick=False)
    return MONDAY


@pytest.fixture
def alices_goal(alice):
    from tests.factories import GoalFactory

    return GoalFactory(owner=alice, title="Lead the <platform> team & grow")


@pytest.fixture
def mentored(alice, bob, alices_goal):
    """bob mentors alice, with every goal shared."""
    from tests.factories import MentorshipFactory

    return MentorshipFactory(planner=alice, mentor=bob, all_goals=True)
