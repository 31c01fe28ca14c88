import pytest


@pytest.fixture
def noon(time_machine):
    """A fixed day, at noon in Berlin, so that "today" is the same for the planner and the test."""
    time_machine.move_to("2026-03-10 12:00:00+01:00", tick=False)
