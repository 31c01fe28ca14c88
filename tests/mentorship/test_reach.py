"""`reach_of`: someone's running mentorships and what they let them read, in one plain-SQL
query; it must say exactly what the ORM's reading of `Mentorship.objects.active()` says."""

from datetime import timedelta

import pytest
from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Q
from django.utils import timezone

from apps.mentorship.models import Mentorship
from apps.mentorship.readers import Reach, _load
from tests.factories import GoalFactory, MentorshipFactory, UserFactory


def _orm_reach(user) -> Reach:
    """The same, as the ORM reads it."""
    rows = (
        Mentorship.objects.active()
        .filter(Q(mentor=user) | Q(planner=user))
        .annotate(goal_ids=ArrayAgg("goals", filter=Q(all_goals=False), default=[]))
        .order_by("pk")
    )
    as_mentor = [m for m in rows if m.mentor_id == user.pk]
    parts: dict[str, tuple[int, ...]] = {}
    for m in as_mentor:
        for part in m.assessment_parts:
            parts[part] = (*parts.get(part, ()), m.planner_id)
    return Reach(
        mentorships=tuple(m.pk for m in as_mentor),
        either_side=tuple(m.pk for m in rows),
        all_goals=tuple(m.planner_id for m in as_mentor if m.all_goals),
        goals=tuple(sorted({g for m in as_mentor for g in m.goal_ids if g is not None})),
        checkins=tuple(m.planner_id for m in as_mentor if m.share_checkins),
        vision=tuple(m.planner_id for m in as_mentor if m.share_vision),
        parts=parts,
    )


@pytest.mark.django_db
def test_the_read_reach_matches_the_orms():
    mentor, planner = UserFactory(), UserFactory()
    today = timezone.localdate()
    planners = [UserFactory() for _ in range(6)]
    shapes = [
        {"all_goals": True, "share_checkins": True, "assessment_parts": ["values", "skills"]},
        {"share_vision": True, "assessment_parts": ["skills"]},
        {"end_date": today},  # its last day: still running
        {"end_date": today - timedelta(days=1)},  # over by its date, not yet marked
        {"ended_at": timezone.now()},
        {"end_date": today + timedelta(days=30), "share_checkins": True},
    ]
    for other, shape in zip(planners, shapes, strict=True):
        goals = [GoalFactory(owner=other) for _ in range(2)]
        MentorshipFactory(planner=other, mentor=mentor, goals=goals[: len(shape) % 3], **shape)
    # A mentorship with every goal shared keeps no list of goals, even one once ticked.
    ticked = GoalFactory(owner=planner)
    MentorshipFactory(planner=planner, mentor=mentor, all_goals=True, goals=[ticked])
    # The mentor's own mentor, and a mentorship of others.
    MentorshipFactory(planner=mentor, mentor=UserFactory(), share_vision=True)
    MentorshipFactory(planner=planners[0], mentor=planner)

    for user in (mentor, planner, *planners, UserFactory()):
        assert _load(user) == _orm_reach(user)
    reach = _load(mentor)
    assert len(reach.mentorships) == 5
    assert len(reach.either_side) == 6
    assert reach.goals
    assert ticked.pk not in reach.goals
