"""`requests_on`: the goal page's requests for a new date in one plain-SQL query; for every
reader it must show exactly what the ORM's reading of the requests they may read says."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from apps.mentorship.deadline_panel import RECENT_DECIDED, requests_on
from apps.mentorship.models import DeadlineRequest, DeadlineRequestStatus
from tests.factories import GoalFactory, MentorshipFactory, MilestoneFactory, UserFactory

pytestmark = pytest.mark.django_db


def _orm_requests(viewer, goal) -> list[tuple]:
    """The same, as the ORM reads it (the query the plain SQL replaces)."""
    rows = (
        DeadlineRequest.objects.visible_to(viewer)
        .filter(goal=goal)
        .select_related("milestone", "commented_by", "planner")
        .order_by("-created_at")
    )
    found = list(rows[:20])
    open_ones = [r for r in found if r.is_open]
    shown = open_ones + [r for r in found if not r.is_open][:RECENT_DECIDED]
    return [
        (
            r.public_id,
            r.milestone.title if r.milestone is not None else None,
            r.current_date,
            r.proposed_date,
            r.status,
            r.created_at,
            r.decided_at,
            r.reason,
            r.mentor_comment,
            r.commented_by_id,
            r.commented_by.get_full_name() if r.commented_by is not None else None,
        )
        for r in shown
    ]


def _requests(goal, commenters, count: int) -> None:
    """`count` requests a day apart, each state, about the goal and its milestone."""
    milestone = MilestoneFactory(goal=goal, title="Mock exam")
    states = list(DeadlineRequestStatus)
    start = timezone.now() - timedelta(days=count)
    for n in range(count):
        commenter = commenters[n % len(commenters)]
        with time_machine.travel(start + timedelta(days=n), tick=False):
            DeadlineRequest.objects.create(
                planner=goal.owner,
                goal=goal,
                milestone=milestone if n % 2 else None,
                current_date=None if n % 3 else timezone.localdate(),
                proposed_date=timezone.localdate() + timedelta(days=30 + n),
                reason=f"Reason {n}",
                status=states[n % len(states)],
                mentor_comment="" if commenter is None else f"Comment {n}",
                commented_by=commenter,
                commented_at=None if commenter is None else timezone.now(),
                decided_at=None if n % len(states) == 0 else timezone.now(),
            )


def test_the_read_requests_match_the_orms(alice, bob, charlie, dora):
    nameless = UserFactory(display_name="")
    shared, unshared, every = (GoalFactory(owner=alice) for _ in range(3))
    MentorshipFactory(planner=alice, mentor=bob, goals=[shared])
    MentorshipFactory(planner=alice, mentor=nameless, all_goals=True)
    MentorshipFactory(planner=alice, mentor=dora, all_goals=True, ended_at=timezone.now())
    # Alice mentors bob too: on his goal she is the mentor.
    MentorshipFactory(planner=bob, mentor=alice, all_goals=True)
    bobs = GoalFactory(owner=bob)
    gone = UserFactory()
    _requests(shared, [None, bob, nameless, gone], 30)
    _requests(unshared, [None, nameless], 4)
    _requests(bobs, [None, alice], 3)
    gone.delete()  # the comment stays, its author's name goes

    for reader in (alice, bob, charlie, dora, nameless):
        for goal in (shared, unshared, every, bobs):
            found = [tuple(r) for r in requests_on(reader, goal)]
            assert found == _orm_requests(reader, goal), (reader, goal)
    shown = requests_on(bob, shared)
    assert {r.is_open for r in shown} == {True, False}
    assert {r.milestone_title for r in shown} == {None, "Mock exam"}
    assert {r.commented_by_name for r in shown} >= {None, "Bob", nameless.email}
    assert requests_on(bob, unshared) == []
    assert requests_on(dora, shared) == []
    assert requests_on(alice, bobs)
