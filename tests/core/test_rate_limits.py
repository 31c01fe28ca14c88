"""The endpoints allauth does not cover share one limiter: past the configured rate they answer
429 with a page and a Retry-After header."""

import pytest
from django.urls import reverse

from apps.checkins.services.pause_links import pause_token
from apps.goals.services import calendar_feed_for
from tests.factories import ActionStepFactory, GoalFactory, MilestoneFactory


@pytest.fixture
def tight(settings):
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "2/m")


def _third_is_limited(send):
    assert send().status_code < 400
    assert send().status_code < 400
    response = send()
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 1 <= wait <= 60
    assert "try again in" in response.content.decode()
    return response


def test_the_calendar_feed(client, alice, tight):
    url = reverse("plan:feed", kwargs={"token": calendar_feed_for(user=alice).token})
    _third_is_limited(lambda: client.get(url))


def test_the_pause_link(client, alice, tight):
    url = reverse("checkins:pause", kwargs={"token": pause_token(user=alice)})
    _third_is_limited(lambda: client.get(url))


def test_the_live_smart_check(alice_client, tight):
    url = reverse("goals:smart-check")
    _third_is_limited(
        lambda: alice_client.post(url, {"title": "Learn"}, headers={"HX-Request": "true"})
    )


def test_reordering_goals_milestones_and_steps(alice_client, alice, tight):
    goal = GoalFactory(owner=alice)
    milestone = MilestoneFactory(goal=goal)
    step = ActionStepFactory(milestone=milestone)
    moves = [
        reverse("plan:move", kwargs={"public_id": goal.public_id}),
        reverse("milestones:move", kwargs={"public_id": milestone.public_id}),
        reverse("milestones:step-move", kwargs={"public_id": step.public_id}),
    ]
    # One budget for every kind of reordering.
    assert alice_client.post(moves[0], {"direction": "up"}).status_code < 400
    assert alice_client.post(moves[1], {"direction": "up"}).status_code < 400
    response = alice_client.post(moves[2], {"direction": "up"})
    assert response.status_code == 429
    assert response["Retry-After"]


def test_one_person_hitting_the_limit_leaves_others_alone(client, alice, charlie, tight):
    url = reverse("goals:smart-check")
    client.force_login(alice)
    for _ in range(3):
        client.post(url, {"title": "Learn"})
    client.force_login(charlie)
    assert client.post(url, {"title": "Learn"}).status_code == 200
