"""`reach_of`: someone's running mentorships and what they let them read, in one plain-SQL
query; it must say exactly what the ORM's reading of `Mentorship.objects.active()` says."""

from datetime import timedelta

import pytest
from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Q
from django.utils import timezone

from apps.mentorship.access import active_mentorship
from apps.mentorship.models import Mentorship
from apps.mentorship.readers import Reach, Side, _load
from apps.mentorship.services.deadlines import mentors_of
from apps.mentorship.viewing import running_mentorship
from tests.factories import GoalFactory, MentorshipFactory, UserFactory


def _orm_reach(user) -> Reach:
    """The same, as the ORM reads it."""
    rows = (
        Mentorship.objects.active()
        .filter(Q(mentor=user) | Q(planner=user))
        .annotate(goal_ids=ArrayAgg("goals", filter=Q(all_goals=False), default=[]))
        .select_related("planner", "mentor")
        .order_by("pk")
    )

    def side(m: Mentorship, other) -> Side:
        goals = tuple(sorted(g for g in m.goal_ids if g is not None))
        return Side(m.pk, other.pk, other.get_full_name(), m.all_goals, goals, m.started_at)

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
        mentors=tuple(
            side(m, m.mentor) for m in rows.order_by("started_at", "pk") if m not in as_mentor
        ),
        mentees={m.planner_id: side(m, m.planner) for m in as_mentor},
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


@pytest.mark.django_db
def test_the_mentors_and_mentees_read_match_the_orms(alice, bob, charlie, dora):
    """The goal page's "Shared with …" and the mentor's note read the mentorships off the
    reach: the same as `mentors_of` for one's own goal and `active_mentorship` for a
    mentee's."""
    today = timezone.localdate()
    nameless, erin = UserFactory(display_name=""), UserFactory()
    shared, unshared = GoalFactory(owner=alice), GoalFactory(owner=alice)
    MentorshipFactory(planner=alice, mentor=bob, goals=[shared])
    MentorshipFactory(planner=alice, mentor=nameless, all_goals=True)
    MentorshipFactory(planner=alice, mentor=erin, all_goals=True, end_date=today)
    MentorshipFactory(planner=alice, mentor=dora, all_goals=True, ended_at=timezone.now())
    MentorshipFactory(planner=alice, mentor=charlie, all_goals=True, end_date=today - timedelta(1))
    MentorshipFactory(planner=bob, mentor=alice, goals=[GoalFactory(owner=bob)])
    Mentorship.objects.filter(mentor=bob).update(started_at=timezone.now() - timedelta(days=9))

    reach = _load(alice)
    for goal in (shared, unshared):
        names = [m.name for m in reach.mentors_covering(goal.pk)]
        assert names == [m.get_full_name() for m in mentors_of(goal)]
    assert [m.name for m in reach.mentors_covering(shared.pk)] == [
        "Bob",
        nameless.email,
        erin.display_name,
    ]
    for mentor in (alice, bob, charlie, dora, nameless, erin):
        for planner in (alice, bob):
            found = running_mentorship(planner.pk, mentor)
            expected = active_mentorship(planner.pk, mentor)
            if expected is None:
                assert found is None
            else:
                assert found is not None
                assert (found.mentorship, found.person, found.name) == (
                    expected.pk,
                    expected.planner_id,
                    expected.planner.get_full_name(),
                )
