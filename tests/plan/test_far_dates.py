"""Any date the database holds, however it got there, leaves the plan's pages working."""

from datetime import date

import pytest
from django.urls import reverse
from icalendar import Calendar

from apps.goals.services import calendar_feed_for
from tests.factories import GoalFactory, MilestoneFactory
from tests.goals.forms import goal_form


@pytest.fixture
def far_goal(alice):
    # Saved through the ORM, as an import or an older release could have done.
    goal = GoalFactory(owner=alice, title="Retire on Mars", target_date=date.max)
    MilestoneFactory(goal=goal, title="Book the rocket", due_date=date.max)
    MilestoneFactory(goal=goal, title="Ancient history", due_date=date.min)
    return goal


def test_the_roadmap_copes_with_the_last_and_first_representable_dates(alice_client, far_goal):
    response = alice_client.get(reverse("plan:timeline"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Retire on Mars" in page
    # The axis stays readable instead of spanning eight thousand years.
    assert page.count("<text") < 100


def test_the_feed_copes_with_the_last_representable_date(client, alice, far_goal):
    token = calendar_feed_for(user=alice).token
    response = client.get(reverse("plan:feed", kwargs={"token": token}))
    assert response.status_code == 200
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}
    assert events["Target date: Retire on Mars"]["DTSTART"].dt == date.max


@pytest.mark.parametrize("name", ["dashboard:index", "goals:list", "plan:matrix"])
def test_other_plan_pages_cope_with_far_dates(alice_client, far_goal, name):
    response = alice_client.get(reverse(name))
    assert response.status_code == 200
    assert "Retire on Mars" in response.content.decode()


def test_the_goal_page_copes_with_far_dates(alice_client, far_goal):
    response = alice_client.get(reverse("plan:goal", kwargs={"public_id": far_goal.public_id}))
    assert response.status_code == 200
    assert "Book the rocket" in response.content.decode()


@pytest.mark.parametrize("typed", ["9999-12-31", "2200-01-01"])
def test_the_goal_form_refuses_dates_beyond_the_planning_range(alice_client, alice, typed):
    response = alice_client.post(reverse("plan:goal-create"), goal_form(target_date=typed))
    assert response.status_code == 422
    assert "a year that far ahead is most likely a typing slip" in response.content.decode()
    assert not alice.goals.exists()
