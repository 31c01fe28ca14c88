"""Deadline renegotiation: the planner proposes a new date for a shared goal or milestone,
the mentor comments, the planner decides; the goal's history records an accepted change with
the reason and the mentor's comment. The mentor can never change the date."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.goals.models import Goal
from apps.mentorship.models import DeadlineRequest, DeadlineRequestStatus
from apps.milestones.models import Milestone
from apps.notifications.models import Notification
from tests.factories import GoalFactory, MilestoneFactory

NEW = timezone.localdate() + timedelta(days=250)


def _propose(client, goal, **data):
    form = {"about": "goal", "proposed_date": NEW.isoformat(), "reason": "The exam moved"}
    form.update(data)
    return client.post(reverse("mentorship:deadline-propose", args=[goal.public_id]), form)


def _comment(client, request, body="Spring is realistic"):
    url = reverse("mentorship:deadline-comment", args=[request.public_id])
    return client.post(url, {"body": body})


def _decide(client, request, decision):
    url = reverse("mentorship:deadline-decide", args=[request.public_id])
    return client.post(url, {"decision": decision})


def _goal_page(client, goal) -> str:
    return client.get(reverse("plan:goal", args=[goal.public_id])).content.decode()


def test_propose_comment_accept_records_the_change_in_the_goals_history(
    mentorship, shared_goal, alice, bob, alice_client, bob_client
):
    old = shared_goal.target_date
    assert _propose(alice_client, shared_goal).status_code == 302
    request = DeadlineRequest.objects.get()
    assert Notification.objects.filter(recipient=bob, kind="mentorship_deadline_asked").exists()
    assert "The exam moved" in _goal_page(bob_client, shared_goal)
    assert _comment(bob_client, request).status_code == 302
    assert Notification.objects.filter(
        recipient=alice, kind="mentorship_deadline_commented"
    ).exists()
    assert "Comment from Bob" in _goal_page(alice_client, shared_goal)
    assert _decide(alice_client, request, "accept").status_code == 302
    shared_goal.refresh_from_db()
    assert shared_goal.target_date == NEW
    request.refresh_from_db()
    assert request.status == DeadlineRequestStatus.ACCEPTED
    revision = shared_goal.revisions.get()
    assert revision.changes["target_date"] == [old.isoformat(), NEW.isoformat()]
    assert "The exam moved" in revision.reason
    assert "Comment from Bob: Spring is realistic" in revision.reason
    page = _goal_page(alice_client, shared_goal)
    assert "Spring is realistic" in page
    assert Notification.objects.filter(recipient=bob, kind="mentorship_deadline_decided").exists()


def test_a_milestones_new_date_lands_in_the_goals_history(mentorship, shared_goal, alice_client):
    milestone = MilestoneFactory(goal=shared_goal, title="Mock exam")
    assert _propose(alice_client, shared_goal, about=milestone.pid).status_code == 302
    request = DeadlineRequest.objects.get()
    assert request.milestone == milestone
    assert _decide(alice_client, request, "accept").status_code == 302
    milestone.refresh_from_db()
    assert milestone.due_date == NEW
    page = _goal_page(alice_client, shared_goal)
    assert "Milestone date" in page
    assert "“Mock exam”" in page


def test_declined_keeps_the_date_and_closes_the_request(mentorship, shared_goal, alice_client):
    old = shared_goal.target_date
    _propose(alice_client, shared_goal)
    request = DeadlineRequest.objects.get()
    assert _decide(alice_client, request, "decline").status_code == 302
    shared_goal.refresh_from_db()
    request.refresh_from_db()
    assert shared_goal.target_date == old
    assert request.status == DeadlineRequestStatus.DECLINED
    assert request.decided_at is not None
    assert "Declined" in _goal_page(alice_client, shared_goal)
    # Decided once: a second decision is refused with a message, not a change.
    again = _decide(alice_client, request, "accept")
    assert again.status_code == 422
    assert "already decided" in again.content.decode()


def test_no_mentor_post_changes_the_date(mentorship, shared_goal, alice, bob_client):
    milestone = MilestoneFactory(goal=shared_goal, title="Mock exam")
    old_goal, old_milestone = shared_goal.target_date, milestone.due_date
    _propose_as_alice = DeadlineRequest.objects.create(
        planner=alice, goal=shared_goal, proposed_date=NEW, reason="Please"
    )
    goal_id, milestone_id = shared_goal.public_id, milestone.public_id
    date_field = {"target_date": NEW.isoformat(), "due_date": NEW.isoformat(), "title": "x"}
    attempts = [
        (
            reverse("mentorship:deadline-decide", args=[_propose_as_alice.public_id]),
            {"decision": "accept"},
        ),
        (
            reverse("mentorship:deadline-propose", args=[goal_id]),
            {"about": "goal", "proposed_date": NEW.isoformat(), "reason": "x"},
        ),
        (reverse("goals:edit", args=[goal_id]), date_field),
        (reverse("milestones:edit", args=[milestone_id]), date_field),
        (reverse("plan:goal-status", args=[goal_id]), {"status": "achieved"}),
    ]
    for url, data in attempts:
        assert bob_client.post(url, data).status_code in (403, 404), url
    # His comment is words only, whatever else the form carries.
    response = bob_client.post(
        reverse("mentorship:deadline-comment", args=[_propose_as_alice.public_id]),
        {"body": "Fine by me", **date_field, "decision": "accept"},
    )
    assert response.status_code == 302
    shared_goal.refresh_from_db()
    milestone.refresh_from_db()
    assert (shared_goal.target_date, milestone.due_date) == (old_goal, old_milestone)
    assert DeadlineRequest.objects.get().status == DeadlineRequestStatus.OPEN


@pytest.mark.parametrize(
    ("data", "field_text"),
    [
        ({"proposed_date": "2020-01-01"}, "That is before today"),
        ({"proposed_date": "9999-12-31"}, "a typing slip"),
        ({"proposed_date": "not a date"}, "Enter a date like"),
        ({"reason": ""}, "This field is required"),
        ({"reason": "   "}, "This field is required"),
    ],
)
def test_bad_input_gets_a_message_at_the_field(
    mentorship, shared_goal, alice_client, data, field_text
):
    response = _propose(alice_client, shared_goal, **data)
    assert response.status_code == 422
    assert field_text in response.content.decode()
    assert not DeadlineRequest.objects.exists()


def test_nul_in_the_reason_is_a_400(mentorship, shared_goal, alice_client):
    assert _propose(alice_client, shared_goal, reason="bad\x00").status_code == 400
    assert not DeadlineRequest.objects.exists()


def test_another_users_goal_or_milestone_is_not_there(
    mentorship, shared_goal, alice_client, charlie
):
    theirs = GoalFactory(owner=charlie)
    assert _propose(alice_client, theirs).status_code == 404
    their_milestone = MilestoneFactory(goal=theirs)
    response = _propose(alice_client, shared_goal, about=their_milestone.pid)
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()
    assert not DeadlineRequest.objects.exists()


def test_an_unshared_goal_says_to_share_it_first(mentorship, private_goal, alice_client):
    response = _propose(alice_client, private_goal)
    assert response.status_code == 422
    assert "No mentor sees this goal" in response.content.decode()


def test_an_empty_mentor_comment_gets_a_message(mentorship, shared_goal, alice, bob_client):
    request = DeadlineRequest.objects.create(
        planner=alice, goal=shared_goal, proposed_date=NEW, reason="Please"
    )
    response = _comment(bob_client, request, body="  ")
    assert response.status_code == 422
    assert "This field is required" in response.content.decode()


def test_the_goal_page_offers_a_request_only_when_a_mentor_sees_the_goal(
    mentorship, shared_goal, private_goal, alice_client
):
    assert "Propose a new date" in _goal_page(alice_client, shared_goal)
    assert "Propose a new date" not in _goal_page(alice_client, private_goal)


def test_the_request_form_page(mentorship, shared_goal, alice_client):
    page = alice_client.get(reverse("mentorship:deadline-propose", args=[shared_goal.public_id]))
    assert page.status_code == 200
    assert "Propose a new date" in page.content.decode()
    assert isinstance(Goal.objects.get(pk=shared_goal.pk).target_date, date)
    assert Milestone.objects.count() == 0
