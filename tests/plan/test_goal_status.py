import pytest
from django.urls import reverse

from apps.goals.models import GoalRevision, Win
from tests.factories import GoalFactory


def _url(goal) -> str:
    return reverse("plan:goal-status", args=[goal.public_id])


@pytest.fixture
def goal(alice):
    return GoalFactory(owner=alice, title="Certify", goal_type="professional_development")


def test_achieving_is_celebrated_with_a_win_and_a_next_step(alice_client, alice, goal, noon):
    response = alice_client.post(_url(goal), {"status": "achieved"}, follow=True)
    goal.refresh_from_db()
    assert goal.status == "achieved"
    assert goal.achieved_at is not None
    win = Win.objects.get(owner=alice)
    assert win.goal == goal
    page = response.content.decode()
    assert "flash-celebrate" in page
    assert "You did it! “Certify” is achieved" in page
    assert "Achieved on" in page
    assert f"{reverse('plan:goal-create')}?template=pm-certification" in page


def test_achieving_a_stepping_stone_suggests_the_next_one(alice_client, alice, noon):
    lead = GoalFactory(owner=alice, horizon="long", title="Become a team lead")
    stone = GoalFactory(owner=alice, parent=lead)
    page = alice_client.post(_url(stone), {"status": "achieved"}, follow=True).content.decode()
    assert "Add the next stepping stone towards “Become a team lead”" in page
    assert f"?parent={lead.public_id}&amp;horizon=short" in page


def test_achieving_twice_records_one_win(alice_client, goal):
    alice_client.post(_url(goal), {"status": "achieved"})
    alice_client.post(_url(goal), {"status": "achieved"})
    assert Win.objects.filter(goal=goal).count() == 1


def test_on_hold_and_back_is_kept_in_the_history(alice_client, goal):
    alice_client.post(_url(goal), {"status": "on_hold", "reason": "A busy quarter"})
    goal.refresh_from_db()
    assert goal.status == "on_hold"
    response = alice_client.post(_url(goal), {"status": "active"}, follow=True)
    goal.refresh_from_db()
    assert goal.status == "active"
    reasons = list(GoalRevision.objects.filter(goal=goal).values_list("reason", flat=True))
    assert reasons == ["", "A busy quarter"]
    assert "is active. Onwards!" in response.content.decode()


def test_abandoning_needs_a_reason(alice_client, goal):
    response = alice_client.post(_url(goal), {"status": "abandoned", "reason": "  "})
    assert response.status_code == 422
    page = response.content.decode()
    assert "why you are letting this goal go" in page
    assert '<details class="abandon" open>' in page
    goal.refresh_from_db()
    assert goal.status == "active"


def test_abandoning_with_a_reason(alice_client, goal):
    response = alice_client.post(
        _url(goal), {"status": "abandoned", "reason": "My company dropped the programme."}
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.status == "abandoned"
    assert goal.abandon_reason == "My company dropped the programme."
    page = alice_client.get(response["Location"]).content.decode()
    assert "Your reason: “My company dropped the programme.”" in page


def test_an_unknown_status_is_refused(alice_client, goal):
    response = alice_client.post(_url(goal), {"status": "famous"})
    assert response.status_code == 422
    goal.refresh_from_db()
    assert goal.status == "active"


def test_another_planners_goal_is_not_found(alice_client, charlie):
    goal = GoalFactory(owner=charlie)
    assert alice_client.post(_url(goal), {"status": "achieved"}).status_code == 404
    goal.refresh_from_db()
    assert goal.status == "active"


def test_get_is_not_allowed(alice_client, goal):
    assert alice_client.get(_url(goal)).status_code == 405
