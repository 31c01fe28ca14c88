"""Staff run the service without reading plans: the admin holds accounts and delivery records,
and says how much a person has planned, never what."""

import pytest
from django.urls import reverse

from tests.factories import GoalFactory, MilestoneFactory, ObstacleFactory, WinFactory


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def alices_plan(alice):
    goal = GoalFactory(owner=alice, title="Become head of design")
    MilestoneFactory(goal=goal, title="Run the design review")
    ObstacleFactory(goal=goal, description="Afraid of presenting")
    WinFactory(owner=alice, goal=goal, title="Shipped the redesign")
    GoalFactory(owner=alice, title="Learn Rust")
    return goal


PLAN_TEXT = ("Become head of design", "Run the design review", "Afraid of presenting")


def test_the_admin_index_offers_accounts_and_deliveries_but_no_plan(staff_client, alices_plan):
    page = staff_client.get(reverse("admin:index")).content.decode()
    assert "Users" in page
    assert "Reminder deliver" in page
    for section in ("Goals", "Milestones", "Obstacles", "Resources", "Wins"):
        assert f">{section}<" not in page


@pytest.mark.parametrize(
    "path", ["/admin/goals/goal/", "/admin/goals/win/", "/admin/milestones/milestone/"]
)
def test_plan_models_have_no_admin_pages(staff_client, alices_plan, path):
    assert staff_client.get(path).status_code == 404


def test_a_persons_admin_page_counts_their_plan_without_showing_it(
    staff_client, alice, alices_plan
):
    response = staff_client.get(reverse("admin:accounts_user_change", args=[alice.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 goals, 1 milestone, 0 check-ins, 1 win" in page
    for text in (*PLAN_TEXT, "Shipped the redesign", "Learn Rust"):
        assert text not in page
