import pytest
from django.urls import reverse

from tests.factories import (
    GoalFactory,
    GoalRevisionFactory,
    ObstacleFactory,
    ResourceFactory,
    WinFactory,
)


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize("model", ["goal", "obstacle", "resource", "goalrevision", "win"])
def test_staff_can_look_up_goal_data(staff_client, alice, model):
    goal = GoalFactory(owner=alice, title="Certify")
    ObstacleFactory(goal=goal)
    ResourceFactory(goal=goal)
    GoalRevisionFactory(goal=goal)
    WinFactory(owner=alice, goal=goal)
    response = staff_client.get(reverse(f"admin:goals_{model}_changelist"))
    assert response.status_code == 200


def test_goals_are_read_only_in_the_admin(staff_client, alice):
    goal = GoalFactory(owner=alice, title="Certify")
    page = staff_client.get(reverse("admin:goals_goal_change", args=[goal.pk])).content.decode()
    assert "Certify" in page
    assert 'name="title"' not in page
    assert staff_client.get(reverse("admin:goals_goal_add")).status_code == 403


def test_staff_find_goals_by_owner_email(staff_client, alice, charlie):
    GoalFactory(owner=alice, title="Alice's goal")
    GoalFactory(owner=charlie, title="Charlie's goal")
    page = staff_client.get(
        reverse("admin:goals_goal_changelist"), {"q": "alice@"}
    ).content.decode()
    assert "Alice&#x27;s goal" in page
    assert "Charlie&#x27;s goal" not in page


def test_planners_cannot_enter(alice_client):
    response = alice_client.get(reverse("admin:goals_goal_changelist"))
    assert response.status_code in {302, 403}
