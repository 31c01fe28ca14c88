"""The Mentees page flags a mentee who seems stalled, with the reason in words, and stays at
the same number of queries however many mentees it flags."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from apps.checkins.services.checkins import checkin_complete, checkin_start
from apps.checkins.services.schedules import schedule_for
from apps.mentorship.services import deadlines
from apps.mentorship.stalls import register_check, stalls_for
from tests.factories import (
    CommentFactory,
    GoalFactory,
    MentorshipFactory,
    MilestoneFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _page(bob_client) -> str:
    return bob_client.get(reverse("mentorship:mentees")).content.decode()


def test_a_quiet_mentee_is_not_flagged(bob_client, mentorship, shared_goal):
    MilestoneFactory(goal=shared_goal, due_date=timezone.localdate() - timedelta(days=10))
    page = _page(bob_client)
    assert "May be stalled" not in page
    assert "Nothing waiting on you" in page


def _weekly(planner) -> None:
    schedule_for(user=planner).save()  # the suggested schedule: every week


def _ago(days: int):
    return time_machine.travel(timezone.now() - timedelta(days=days), tick=False)


def test_two_missed_periods_of_shared_checkins_are_flagged(bob_client, alice, mentorship):
    _weekly(alice)
    with _ago(15):
        checkin_complete(checkin=checkin_start(user=alice))
    page = _page(bob_client)
    assert "No check-in for 2 weeks — they planned one every week" in page


def test_checkins_not_shared_say_nothing_of_checkins(bob_client, alice, mentorship):
    mentorship.share_checkins = False
    mentorship.save()
    _weekly(alice)
    mentorship.started_at = timezone.now() - timedelta(days=40)
    mentorship.save()
    page = _page(bob_client)
    assert "May be stalled" not in page
    assert "No check-in" not in page


def test_a_milestone_overdue_for_more_than_two_weeks(bob_client, mentorship, shared_goal):
    MilestoneFactory(
        goal=shared_goal, title="Draft the CV", due_date=timezone.localdate() - timedelta(days=20)
    )
    page = _page(bob_client)
    assert "May be stalled" in page
    assert "Milestone “Draft the CV” overdue by 2 weeks" in page


def test_an_unshared_goals_milestone_is_never_mentioned(bob_client, mentorship, private_goal):
    MilestoneFactory(
        goal=private_goal, title="Secret step", due_date=timezone.localdate() - timedelta(days=30)
    )
    assert "Secret step" not in _page(bob_client)


def test_a_comment_unanswered_for_a_week(bob_client, bob, mentorship, shared_goal):
    with _ago(9):
        CommentFactory(goal=shared_goal, author=bob, mentorship=mentorship, body="How did it go?")
    page = _page(bob_client)
    assert "Your comment on “Lead a team of five” has had no answer for 9 days" in page


def test_an_answer_turns_the_wait_around(bob_client, bob, alice, mentorship, shared_goal):
    with _ago(12):
        first = CommentFactory(goal=shared_goal, author=bob, mentorship=mentorship, body="And?")
    with _ago(9):
        CommentFactory(goal=shared_goal, author=alice, parent=first, body="Went well")
    page = _page(bob_client)
    assert "no answer" not in page
    assert "Alice’s comment on “Lead a team of five” has waited 9 days for your answer" in page


def test_a_thread_answered_by_both_sides_is_not_flagged(
    bob_client, bob, alice, mentorship, shared_goal
):
    with _ago(12):
        first = CommentFactory(goal=shared_goal, author=bob, mentorship=mentorship, body="And?")
    CommentFactory(goal=shared_goal, author=alice, parent=first, body="Went well")
    assert "May be stalled" not in _page(bob_client)


def test_a_request_waiting_for_the_mentors_comment(bob_client, alice, mentorship, shared_goal):
    with _ago(8):
        deadlines.deadline_request_propose(
            by=alice,
            goal=shared_goal,
            milestone=None,
            proposed_date=timezone.localdate() + timedelta(days=300),
            reason="Moving house",
        )
    page = _page(bob_client)
    assert "new date for the goal “Lead a team of five” has waited 8 days for your comment" in page


def test_another_app_can_add_a_stall_check(bob, mentorship):
    from apps.mentorship import stalls
    from apps.mentorship.stalls import Stall

    def no_meeting(mentor, mentorships, now):
        return {m.planner_id: [Stall("meetings", "No meeting for 6 weeks")] for m in mentorships}

    register_check(no_meeting)
    try:
        found = stalls_for(bob, [mentorship], timezone.now())
    finally:
        stalls._checks.remove(no_meeting)
    assert [s.reason for s in found[mentorship.planner_id]] == ["No meeting for 6 weeks"]


# session, user, the mentor's running mentorships, those with their planners, this week's
# nudges and the last check-ins with the check-in rhythms; read once for the rows and the
# stall checks: the shared goals with progress and overdue milestones, the comments (unread,
# and unanswered for the stall check); next meetings, the other stall checks (waiting
# requests, meeting rhythms with the last meeting held), the navigation's unread notifications
STALLED_QUERIES = 10


def _stalled_mentees(bob, count: int) -> None:
    past = timezone.now() - timedelta(days=30)
    for n in range(count):
        planner = UserFactory(display_name=f"Mentee {n}")
        goal = GoalFactory(owner=planner, title=f"Goal of {n}")
        MilestoneFactory(goal=goal, due_date=timezone.localdate() - timedelta(days=20))
        mentorship = MentorshipFactory(
            planner=planner, mentor=bob, all_goals=True, share_checkins=True, started_at=past
        )
        _weekly(planner)
        with time_machine.travel(past, tick=False):
            CommentFactory(goal=goal, author=bob, mentorship=mentorship, body="Any news?")
            deadlines.deadline_request_propose(
                by=planner,
                goal=goal,
                milestone=None,
                proposed_date=timezone.localdate() + timedelta(days=200),
                reason="Busy",
            )


@pytest.mark.parametrize("count", [1, 30])
def test_stall_flags_keep_the_query_count(bob_client, bob, count, django_assert_num_queries):
    _stalled_mentees(bob, count)
    with django_assert_num_queries(STALLED_QUERIES):
        response = bob_client.get(reverse("mentorship:mentees"))
    page = response.content.decode()
    assert page.count("May be stalled") == count
    assert page.count("No check-in yet for 4 weeks") == count
    assert page.count("has had no answer for 4 weeks") == count
    assert page.count("for your comment") == count
