"""Every answer to a signed-in visitor forbids caching."""

import pytest
from django.urls import reverse

from tests.factories import GoalFactory

SIGNED_IN_PAGES = [
    ("dashboard:index", {}),
    ("goals:list", {}),
    ("plan:matrix", {}),
    ("plan:timeline", {}),
    ("plan:calendar", {}),
    ("accounts:settings", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), SIGNED_IN_PAGES)
def test_signed_in_pages_are_never_stored(alice_client, alice, name, kwargs):
    GoalFactory(owner=alice)
    response = alice_client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    cache_control = response.headers["Cache-Control"]
    assert "no-store" in cache_control
    assert "private" in cache_control


def test_the_goal_page_is_never_stored(alice_client, alice):
    goal = GoalFactory(owner=alice)
    response = alice_client.get(reverse("plan:goal", kwargs={"public_id": goal.public_id}))
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
