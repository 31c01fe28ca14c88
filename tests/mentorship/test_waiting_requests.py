"""`waiting_requests`: the requests for a new date that wait on a mentor, in one plain-SQL
query; it must read what the ORM's query of the requests the mentor may read reads."""

from datetime import timedelta

import pytest
from django.db.models import Q
from django.utils import timezone

from apps.mentorship.comment_facts import UNANSWERED_AFTER
from apps.mentorship.models import DeadlineRequest, DeadlineRequestStatus
from apps.mentorship.stalls import waiting_requests
from tests.factories import GoalFactory, MentorshipFactory, MilestoneFactory, UserFactory

pytestmark = pytest.mark.django_db


def _orm_waiting(mentor, planners, now) -> list[DeadlineRequest]:
    """The same, as the ORM reads it (the query the plain SQL replaces)."""
    return list(
        DeadlineRequest.objects.visible_to(mentor)
        .open()
        .filter(planner__in=planners)
        .filter(
            Q(commented_at=None, created_at__lt=now - UNANSWERED_AFTER)
            | Q(commented_at__lt=now - UNANSWERED_AFTER)
        )
        .select_related("goal", "milestone")
        .only("planner", "created_at", "commented_at", "goal__title", "milestone__title")
        .order_by("created_at", "id")
    )


def _read(requests: list[DeadlineRequest]) -> list[tuple]:
    return [
        (r.pk, r.planner_id, r.created_at, r.commented_at, r.subject, r.get_deferred_fields())
        for r in requests
    ]


def _requests(goal, days: int) -> None:
    """Open, commented and decided requests about the goal and one of its milestones, made
    `days` ago."""
    now, today = timezone.now(), timezone.localdate()
    milestone = MilestoneFactory(goal=goal, title=f"Step of {goal.title}")
    shapes = [
        {},
        {"milestone": milestone},
        {"commented_at": now - timedelta(days=days - 1)},
        {"commented_at": now - timedelta(days=2)},
        {"status": DeadlineRequestStatus.DECLINED},
        {"status": DeadlineRequestStatus.ACCEPTED, "milestone": milestone},
    ]
    for shape in shapes:
        request = DeadlineRequest.objects.create(
            planner=goal.owner,
            goal=goal,
            current_date=today,
            proposed_date=today + timedelta(days=90),
            reason="Busy",
            **shape,
        )
        created = now - timedelta(days=days, minutes=len(shape) + request.pk)
        DeadlineRequest.objects.filter(pk=request.pk).update(created_at=created)


def test_the_read_requests_match_the_orms(bob, dora):
    mentor, now = bob, timezone.now()
    every, chosen, ended, elsewhere = (UserFactory() for _ in range(4))
    ships = [
        MentorshipFactory(planner=every, mentor=mentor, all_goals=True),
        MentorshipFactory(planner=chosen, mentor=mentor),
        MentorshipFactory(planner=ended, mentor=mentor, all_goals=True, ended_at=now),
        MentorshipFactory(planner=elsewhere, mentor=dora, all_goals=True),
        MentorshipFactory(planner=mentor, mentor=dora, all_goals=True),
    ]
    shared, unshared = GoalFactory(owner=chosen), GoalFactory(owner=chosen)
    ships[1].goals.set([shared])
    for goal in (GoalFactory(owner=every), shared, unshared):
        _requests(goal, 10)
        _requests(goal, 3)
    for planner in (ended, elsewhere, mentor):
        _requests(GoalFactory(owner=planner), 10)

    planners = [m.planner_id for m in ships]
    for reader in (mentor, dora, every, UserFactory()):
        assert _read(waiting_requests(reader, ships, now)) == _read(
            _orm_waiting(reader, planners, now)
        )
    read = waiting_requests(mentor, ships, now)
    # Open and waiting: the two uncommented and the one commented a week ago, each of the
    # goals the mentor reads (their own requests included, when asked).
    assert len(read) == 3 * 3
    assert {r.goal_id for r in read} >= {shared.pk}
    assert unshared.pk not in {r.goal_id for r in read}
