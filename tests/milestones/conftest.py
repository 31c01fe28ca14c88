import pytest

from tests.factories import GoalFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture
def goal(alice):
    return GoalFactory(owner=alice, title="Become a project lead")
