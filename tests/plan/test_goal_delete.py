from django.urls import reverse

from apps.goals.models import Goal
from tests.factories import GoalFactory, MilestoneFactory, WinFactory


def _url(goal) -> str:
    return reverse("plan:goal-delete", args=[goal.public_id])


def test_the_confirm_page_says_what_goes(alice_client, alice):
    goal = GoalFactory(owner=alice, title="Certify")
    MilestoneFactory.create_batch(3, goal=goal)
    page = alice_client.get(_url(goal)).content.decode()
    assert "Delete this goal?" in page
    assert "Its 3 milestones, obstacles, resources and history go with it." in page
    assert "Keep it" in page


def test_deleting_after_confirming(alice_client, alice):
    goal = GoalFactory(owner=alice)
    win = WinFactory(owner=alice, goal=goal)
    response = alice_client.post(_url(goal), {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == reverse("goals:list")
    assert not Goal.objects.filter(pk=goal.pk).exists()
    win.refresh_from_db()  # the win stays in the journal
    assert win.goal is None


def test_a_bare_post_deletes_nothing(alice_client, alice):
    goal = GoalFactory(owner=alice)
    response = alice_client.post(_url(goal))
    assert response.status_code == 422
    assert "Nothing is deleted yet" in response.content.decode()
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_another_planners_goal_is_not_found(alice_client, charlie):
    goal = GoalFactory(owner=charlie)
    assert alice_client.post(_url(goal), {"confirm": "on"}).status_code == 404
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_wrong_method(alice_client, alice):
    assert alice_client.put(_url(GoalFactory(owner=alice))).status_code == 405
