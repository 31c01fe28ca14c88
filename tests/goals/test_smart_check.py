"""The SMART check the goal form asks for while the planner types."""

from django.urls import reverse

from tests.factories import GoalFactory, MilestoneFactory
from tests.goals.forms import goal_form

CHECK = reverse("goals:smart-check")


def test_smart_check_rates_the_draft(alice_client, noon):
    response = alice_client.post(CHECK, goal_form(relevant="I like it"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert 'smart-item smart-weak" data-criterion="relevant"' in page
    assert "Could be stronger" in page
    assert 'smart-item smart-weak" data-criterion="measurable"' in page  # no milestones yet
    assert "Suggested horizon: <strong>Short-term (within a year)</strong>" in page


def test_smart_check_counts_the_template_milestones(alice_client, noon):
    page = alice_client.post(CHECK, goal_form(template="team-lead")).content.decode()
    assert "5 of 5 met" in page
    assert "Every criterion is met" in page


def test_smart_check_takes_unparsable_values_as_missing(alice_client):
    data = {"measure_kind": "number", "target_value": "lots", "target_date": "someday"}
    page = alice_client.post(CHECK, data).content.decode()
    assert 'smart-item smart-missing" data-criterion="measurable"' in page
    assert 'smart-item smart-missing" data-criterion="time_bound"' in page


def test_smart_check_counts_the_milestones_of_the_goal_being_edited(alice_client, alice, noon):
    goal = GoalFactory(owner=alice)
    MilestoneFactory.create_batch(2, goal=goal)
    page = alice_client.post(f"{CHECK}?goal={goal.public_id}", goal_form()).content.decode()
    assert 'smart-item smart-met" data-criterion="measurable"' in page


def test_smart_check_for_someone_elses_goal_is_not_found(alice_client, charlie):
    goal = GoalFactory(owner=charlie)
    assert alice_client.post(f"{CHECK}?goal={goal.public_id}", {}).status_code == 404
    assert alice_client.post(f"{CHECK}?goal=not-a-uuid", {}).status_code == 404


def test_smart_check_needs_post(alice_client):
    assert alice_client.get(CHECK).status_code == 405
