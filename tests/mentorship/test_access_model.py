"""A mentor reads what is shared, read-only, and nothing else; lists of "your own" plan never
widen; access ends the moment the mentorship ends or its end date passes."""

from datetime import timedelta

import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.checkins.services.checkins import checkin_complete, checkin_start
from apps.goals.models import Goal
from apps.goals.services import calendar_feed_for
from apps.mentorship.models import AccessLog, Mentorship
from apps.mentorship.services import mentorship_end, mentorships_end_due
from tests.factories import MentorshipFactory, MilestoneFactory, ObstacleFactory, ResourceFactory


def _goal_url(goal) -> str:
    return reverse("plan:goal", args=[goal.public_id])


def test_a_mentor_reads_a_shared_goal_without_any_control_of_the_owner(
    bob_client, mentorship, shared_goal
):
    MilestoneFactory(goal=shared_goal, title="Shadow a lead")
    ObstacleFactory(goal=shared_goal, description="Too little time")
    ResourceFactory(goal=shared_goal, title="The manager's path")
    response = bob_client.get(_goal_url(shared_goal))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Shared with you by Alice" in page
    for seen in ("Lead a team of five", "Shadow a lead", "Too little time", "The manager"):
        assert seen in page
    for control in (
        "Adjust goal",
        "plan:goal-delete",
        'id="status-form"',
        'id="new-milestone"',
        "tick-form",
        "/delete/",
        "/edit/",
        "Your goals</a>",
        "Add a stepping stone",
        "History of changes",
    ):
        assert control not in page, control


def test_opening_a_shared_goal_is_written_to_the_access_log(bob_client, mentorship, shared_goal):
    bob_client.get(_goal_url(shared_goal))
    [entry] = AccessLog.objects.owned_by(mentorship.planner)
    assert (entry.kind, entry.label, entry.item_public_id) == (
        "goal",
        shared_goal.title,
        shared_goal.public_id,
    )


def test_the_planner_sees_who_a_goal_is_shared_with(alice_client, mentorship, shared_goal):
    page = alice_client.get(_goal_url(shared_goal)).content.decode()
    assert "Shared with Bob" in page
    assert not AccessLog.objects.exists()


def test_a_goal_outside_the_share_is_a_404(bob_client, mentorship, private_goal):
    assert bob_client.get(_goal_url(private_goal)).status_code == 404


def test_every_write_on_a_shared_goal_stays_a_404(bob_client, mentorship, shared_goal):
    milestone = MilestoneFactory(goal=shared_goal)
    for name, arg in (
        ("plan:goal-status", shared_goal.public_id),
        ("plan:goal-delete", shared_goal.public_id),
        ("goals:edit", shared_goal.public_id),
        ("milestones:create", shared_goal.public_id),
        ("milestones:done", milestone.public_id),
        ("goals:obstacle-create", shared_goal.public_id),
    ):
        response = bob_client.post(reverse(name, args=[arg]), {"status": "achieved"})
        assert response.status_code == 404, name
    assert Goal.objects.get(pk=shared_goal.pk).status == "active"


def test_the_mentors_own_lists_show_nothing_of_the_mentee(
    bob_client, bob, alice, mentorship, shared_goal
):
    MilestoneFactory(goal=shared_goal, title="Alice's milestone", due_date=timezone.localdate())
    checkin_complete(checkin=checkin_start(user=alice))
    feed = reverse("plan:feed", kwargs={"token": calendar_feed_for(user=bob).token})
    for url in (
        reverse("goals:list"),
        reverse("dashboard:index"),
        reverse("plan:timeline"),
        reverse("plan:matrix"),
        reverse("checkins:history"),
        feed,
    ):
        response = bob_client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Lead a team of five" not in body, url
        assert "Alice's milestone" not in body, url
    assert Goal.objects.owned_by(bob).count() == 0
    assert Goal.objects.visible_to(bob).count() == 1


def test_shared_rows_are_never_repeated(bob, alice, shared_goal):
    # Two ways in (all goals, and the goal chosen) still give the goal once.
    MentorshipFactory(planner=alice, mentor=bob, all_goals=True, goals=[shared_goal])
    assert list(Goal.objects.visible_to(bob)) == [shared_goal]


def test_ending_takes_access_away_at_once_and_tells_the_mentor_without_plan_data(
    bob_client, alice, mentorship, shared_goal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mentorship_end(mentorship=mentorship, by=alice)
    assert bob_client.get(_goal_url(shared_goal)).status_code == 404
    [message] = mail.outbox
    assert message.to == ["bob@example.com"]
    assert "ended" in message.subject
    body = message.body + message.alternatives[0][0]
    assert shared_goal.title not in body
    assert "Lead a team" not in body


def test_access_ends_the_day_after_the_agreed_end_date_even_before_the_job_runs(
    bob_client, mentorship, shared_goal
):
    mentorship.end_date = timezone.localdate() + timedelta(days=1)
    mentorship.save()
    assert bob_client.get(_goal_url(shared_goal)).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert bob_client.get(_goal_url(shared_goal)).status_code == 404


def test_the_daily_job_marks_due_mentorships_ended_once(
    mentorship, django_capture_on_commit_callbacks
):
    mentorship.end_date = timezone.localdate() - timedelta(days=1)
    mentorship.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert mentorships_end_due() == 1
        assert mentorships_end_due() == 0
    assert Mentorship.objects.get(pk=mentorship.pk).ended_at is not None
    assert len(mail.outbox) == 2  # both sides hear it ended by its date


def test_shared_checkins_are_readable_only_their_summary(bob_client, alice, mentorship):
    checkin = checkin_complete(checkin=checkin_start(user=alice))
    response = bob_client.get(reverse("checkins:detail", args=[checkin.public_id]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Check-in of Alice" in page
    assert "in a row" not in page
    [entry] = AccessLog.objects.owned_by(alice)
    assert entry.kind == "checkin"
    mentorship.share_checkins = False
    mentorship.save()
    assert bob_client.get(reverse("checkins:detail", args=[checkin.public_id])).status_code == 404


def test_wins_stay_the_planners_own_also_for_a_shared_goal(bob, alice, mentorship, shared_goal):
    from apps.goals.models import Win
    from tests.factories import WinFactory

    WinFactory(owner=alice, goal=shared_goal)
    assert not Win.objects.visible_to(bob).exists()
    assert Win.objects.visible_to(alice).count() == 1


def test_a_request_that_ends_the_mentorship_reads_nothing_shared_after_it(
    bob, mentorship, shared_goal
):
    from apps.core.scope import request_scope

    with request_scope():
        assert list(Goal.objects.visible_to(bob)) == [shared_goal]
        mentorship_end(mentorship=mentorship, by=bob)
        # The same request, after the end: what it remembered of bob's mentorships is gone.
        assert not Goal.objects.visible_to(bob).exists()


def test_a_request_that_narrows_the_share_reads_only_what_is_left(
    alice, bob, mentorship, shared_goal
):
    from apps.core.scope import request_scope
    from apps.mentorship.services import mentorship_set_sharing

    with request_scope():
        assert Goal.objects.visible_to(bob).exists()
        mentorship_set_sharing(
            mentorship=mentorship,
            by=alice,
            share_vision=False,
            share_checkins=False,
            all_goals=False,
            goals=[],
            assessment_parts=[],
        )
        assert not Goal.objects.visible_to(bob).exists()
