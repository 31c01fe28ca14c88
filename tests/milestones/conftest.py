from datetime import date

import pytest

from tests.factories import GoalFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture
def goal(alice):
    # A target date after the milestone dates the tests type, so none of them is questioned.
    return GoalFactory(owner=alice, title="Become a project lead", target_date=date(2031, 12, 31))
