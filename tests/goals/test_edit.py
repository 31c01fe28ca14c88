from datetime import date

import pytest
from django.urls import reverse

from apps.goals.models import GoalRevision
from tests.factories import GoalFactory, MilestoneFactory


def _url(goal) -> str:
    return reverse("goals:edit", args=[goal.public_id])


def _data(goal, **overrides) -> dict:
    data = {
        "title": goal.title,
        "goal_type": goal.goal_type,
        "specific": goal.specific,
        "measure_kind": goal.measure_kind,
        "achievable": goal.achievable,
        "relevant": goal.relevant,
        "target_date": goal.target_date.isoformat() if goal.target_date else "",
        "horizon": goal.horizon,
        "important": "on",
        "reason": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def goal(alice, noon):
    return GoalFactory(owner=alice, title="Certify", target_date=date(2026, 6, 1))


def test_the_form_shows_the_goal_and_its_smart_check(alice_client, goal):
    MilestoneFactory.create_batch(2, goal=goal)
    page = alice_client.get(_url(goal)).content.decode()
    assert 'value="Certify"' in page
    assert 'value="2026-06-01"' in page
    assert "Why are you changing this?" in page
    assert "5 of 5 met" in page
    assert f"?goal={goal.public_id}" in page
    assert 'name="template"' not in page


def test_a_change_is_saved_with_its_reason_in_the_history(alice_client, alice, goal):
    response = alice_client.post(
        _url(goal), _data(goal, target_date="2026-09-01", reason="The exam moved to autumn.")
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("plan:goal", args=[goal.public_id])
    goal.refresh_from_db()
    assert goal.target_date == date(2026, 9, 1)
    revision = GoalRevision.objects.get(goal=goal)
    assert revision.changes == {"target_date": ["2026-06-01", "2026-09-01"]}
    assert revision.reason == "The exam moved to autumn."
    assert revision.author == alice
    page = alice_client.get(response["Location"]).content.decode()
    assert "Your changes are saved." in page
    assert "Why: “The exam moved to autumn.”" in page


def test_saving_without_changes_adds_no_history(alice_client, goal):
    alice_client.post(_url(goal), _data(goal))
    assert not GoalRevision.objects.filter(goal=goal).exists()


def test_a_goal_whose_date_passed_can_still_be_edited(alice_client, alice, noon):
    old = GoalFactory(owner=alice, target_date=date(2026, 1, 31))
    response = alice_client.post(_url(old), _data(old, title="Certify, late"))
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.title == "Certify, late"


def test_moving_the_date_into_the_past_is_refused(alice_client, goal):
    response = alice_client.post(_url(goal), _data(goal, target_date="2026-03-01"))
    assert response.status_code == 422
    assert "Pick a date from today onwards." in response.content.decode()


@pytest.mark.parametrize(
    "overrides",
    [
        {"title": ""},
        {"description": "x" * 100_000},
        {"measure_kind": "number", "target_value": "ten"},
        {"measure_kind": "number", "baseline": "2", "target_value": "2"},
        {"reason": "y" * 3_000},
    ],
)
def test_bad_input_saves_nothing(alice_client, goal, overrides):
    response = alice_client.post(_url(goal), _data(goal, target_date="2026-09-01", **overrides))
    assert response.status_code == 422
    page = response.content.decode()
    assert 'class="errorlist"' in page
    assert 'value="Certify"' not in page or overrides != {"title": ""}
    goal.refresh_from_db()
    assert goal.target_date == date(2026, 6, 1)
    assert not GoalRevision.objects.filter(goal=goal).exists()


def test_the_page_title_keeps_the_saved_title_while_the_form_has_errors(alice_client, goal):
    page = alice_client.post(_url(goal), _data(goal, title="")).content.decode()
    assert "<title>Adjust “Certify”" in page


def test_a_long_term_goal_with_stepping_stones_stays_long_term(alice_client, alice, noon):
    lead = GoalFactory(owner=alice, horizon="long", target_date=date(2027, 6, 1))
    GoalFactory(owner=alice, parent=lead)
    response = alice_client.post(_url(lead), _data(lead, horizon="short"))
    assert response.status_code == 422
    assert "keep it long-term" in response.content.decode()
    lead.refresh_from_db()
    assert lead.horizon == "long"


def test_a_goal_cannot_serve_itself(alice_client, alice, noon):
    lead = GoalFactory(owner=alice, horizon="long", target_date=date(2027, 6, 1))
    response = alice_client.post(_url(lead), _data(lead, parent=str(lead.public_id)))
    assert response.status_code == 422
    lead.refresh_from_db()
    assert lead.parent is None


def test_another_planners_goal_is_not_found(alice_client, charlie):
    goal = GoalFactory(owner=charlie)
    assert alice_client.get(_url(goal)).status_code == 404
    assert alice_client.post(_url(goal), _data(goal, title="Mine now")).status_code == 404
    goal.refresh_from_db()
    assert goal.title != "Mine now"


def test_wrong_method(alice_client, goal):
    assert alice_client.delete(_url(goal)).status_code == 405
