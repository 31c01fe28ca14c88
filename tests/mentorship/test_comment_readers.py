"""Who reads a comment or a request for a new date is said with the ids of what is shared
(`readers.reach_of`), read off the row's own columns. It must select exactly what asking the
goals' and check-ins' own `visible_to` selects, over the shares and states that matter."""

from datetime import date, timedelta

import pytest
from django.db.models import Q
from django.utils import timezone

from apps.checkins.models import CheckIn
from apps.goals.models import Goal
from apps.mentorship.models import Comment, CommentKind, DeadlineRequest
from tests.factories import CommentFactory, GoalFactory, MentorshipFactory, UserFactory


def _comments_through_targets(user) -> set[int]:
    """The comments' reader condition as it reads through the targets' `visible_to`."""
    own = Q(planner=user, kind__in=[CommentKind.SHARED, CommentKind.OWN_NOTE])
    target = Q(goal__in=Goal.objects.visible_to(user)) | Q(
        checkin__in=CheckIn.objects.visible_to(user)
    )
    readable = Q(kind=CommentKind.SHARED) | Q(kind=CommentKind.MENTOR_NOTE, author=user)
    rows = Comment.objects.filter(own | (target & readable & ~Q(planner=user)))
    return set(rows.values_list("pk", flat=True))


def _requests_through_goals(user) -> set[int]:
    rows = DeadlineRequest.objects.filter(
        Q(planner=user) | Q(goal__in=Goal.objects.visible_to(user))
    )
    return set(rows.values_list("pk", flat=True))


def _checkin(owner, *, completed: bool) -> CheckIn:
    return CheckIn.objects.create(owner=owner, completed_at=timezone.now() if completed else None)


def _talk(planner, mentor, mentorship, *, goal=None, checkin=None) -> None:
    """Every kind of note on one goal or check-in: the planner's, the mentor's and a
    stranger's private note left from an old mentorship."""
    where = {"goal": goal, "checkin": checkin}
    CommentFactory(planner=planner, author=planner, **where)
    CommentFactory(planner=planner, author=planner, kind=CommentKind.OWN_NOTE, **where)
    shared = CommentFactory(planner=planner, author=mentor, mentorship=mentorship, **where)
    CommentFactory(planner=planner, author=mentor, mentorship=mentorship, parent=shared, **where)
    CommentFactory(
        planner=planner,
        author=mentor,
        mentorship=mentorship,
        kind=CommentKind.MENTOR_NOTE,
        **where,
    )
    CommentFactory(planner=planner, author=UserFactory(), kind=CommentKind.MENTOR_NOTE, **where)
    if goal is not None:
        DeadlineRequest.objects.create(
            planner=planner, goal=goal, proposed_date=date.today() + timedelta(days=40), reason="x"
        )


@pytest.mark.django_db
def test_the_readers_by_ids_select_what_the_targets_own_readers_select():
    mentor = UserFactory()
    today = timezone.localdate()
    shapes = [
        {"all_goals": True, "share_checkins": True},
        {"share_checkins": True},  # chosen goals below, and its check-ins
        {},  # chosen goals only
        {"all_goals": True, "end_date": today - timedelta(days=1)},  # over by its date
        {"all_goals": True, "share_checkins": True, "ended_at": timezone.now()},
    ]
    people = [mentor]
    for shape in shapes:
        planner = UserFactory()
        people.append(planner)
        shared, unshared = GoalFactory(owner=planner), GoalFactory(owner=planner)
        mentorship = MentorshipFactory(planner=planner, mentor=mentor, goals=[shared], **shape)
        for goal in (shared, unshared):
            _talk(planner, mentor, mentorship, goal=goal)
        for completed in (True, False):
            _talk(planner, mentor, mentorship, checkin=_checkin(planner, completed=completed))
    # The mentor's own plan, with a mentor of their own; and a second mentor of a mentee.
    own_mentor = UserFactory()
    own = MentorshipFactory(planner=mentor, mentor=own_mentor, all_goals=True)
    _talk(mentor, own_mentor, own, goal=GoalFactory(owner=mentor))
    second = UserFactory()
    MentorshipFactory(planner=people[1], mentor=second, all_goals=True)
    people += [own_mentor, second, UserFactory()]

    for user in people:
        visible = set(Comment.objects.visible_to(user).values_list("pk", flat=True))
        assert visible == _comments_through_targets(user)
        requests = set(DeadlineRequest.objects.visible_to(user).values_list("pk", flat=True))
        assert requests == _requests_through_goals(user)
    # The cases are not empty: the mentor reads some of what others wrote, not all.
    seen_by_mentor = _comments_through_targets(mentor)
    assert 0 < len(seen_by_mentor) < Comment.objects.count()
    assert 0 < len(_requests_through_goals(mentor)) < DeadlineRequest.objects.count()
