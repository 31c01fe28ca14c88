"""`comment_facts`: the Mentees page's unread and unanswered comments in one plain-SQL query;
it must say exactly what the ORM's reading of the comments the mentor may read says."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.contrib.postgres.aggregates import JSONBAgg
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce, JSONObject
from django.utils import timezone

from apps.checkins.models import CheckIn
from apps.mentorship.comment_facts import (
    SETTLED_AFTER,
    UNANSWERED_AFTER,
    CommentFacts,
    Waiting,
    comment_facts,
)
from apps.mentorship.mentee_facts import last_read, unread_by
from apps.mentorship.models import Comment, CommentKind, CommentRead
from tests.factories import CommentFactory, GoalFactory, MentorshipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _orm_comment_facts(mentor, planners, now: datetime) -> dict[int, CommentFacts]:
    """The same, as the ORM reads it (the query the plain SQL replaces)."""
    later = Comment.objects.filter(kind=CommentKind.SHARED, created_at__gt=OuterRef("created_at"))
    later = later.filter(Q(parent=OuterRef("thread")) | Q(pk=OuterRef("thread"))).exclude(
        author=OuterRef("author")
    )
    waiting = Q(
        kind=CommentKind.SHARED,
        created_at__lt=now - UNANSWERED_AFTER,
        created_at__gt=now - SETTLED_AFTER,
    )
    waiting &= Q(author=mentor) | Q(author=F("planner"))
    waiting &= Q(~Exists(later))
    what = JSONObject(author="author", at="created_at", title="goal__title")
    rows = (
        Comment.objects.visible_to(mentor)
        .filter(planner__in=planners)
        .alias(last_read=last_read(mentor), thread=Coalesce("parent", "pk"))
        .values("planner")
        .annotate(
            unread=Count("pk", filter=unread_by(mentor)),
            waiting=JSONBAgg(what, filter=waiting, order_by=("created_at", "id")),
        )
        .order_by()
        .values_list("planner", "unread", "waiting")
    )
    return {
        planner: CommentFacts(n, [_waiting(w) for w in waits or ()]) for planner, n, waits in rows
    }


def _waiting(found: dict) -> Waiting:
    return Waiting(found["author"], datetime.fromisoformat(found["at"]), found["title"])


def _ago(days: int):
    return time_machine.travel(timezone.now() - timedelta(days=days), tick=False)


def _checkin(owner, *, completed: bool) -> CheckIn:
    return CheckIn.objects.create(owner=owner, completed_at=timezone.now() if completed else None)


def test_the_read_comment_facts_match_the_orms(bob, dora):
    mentor = bob
    every, chosen, ended, over, elsewhere = (UserFactory() for _ in range(5))
    ships = [
        MentorshipFactory(planner=every, mentor=mentor, all_goals=True, share_checkins=True),
        MentorshipFactory(planner=chosen, mentor=mentor),
        MentorshipFactory(planner=ended, mentor=mentor, all_goals=True, ended_at=timezone.now()),
        MentorshipFactory(
            planner=over,
            mentor=mentor,
            all_goals=True,
            end_date=timezone.localdate() - timedelta(days=1),
        ),
        # Someone else's mentee, and the mentor's own mentor.
        MentorshipFactory(planner=elsewhere, mentor=dora, all_goals=True, share_checkins=True),
        MentorshipFactory(planner=mentor, mentor=dora, all_goals=True),
    ]
    shared, unshared = GoalFactory(owner=chosen), GoalFactory(owner=chosen)
    ships[1].goals.set([shared])
    for planner in (every, chosen, ended, over, elsewhere, mentor):
        goal = shared if planner == chosen else GoalFactory(owner=planner, title="Plan")
        mentorship = next(m for m in ships if m.planner == planner)
        with _ago(70):  # settled long ago
            CommentFactory(goal=goal, body="Old news")
        with _ago(20):
            first = CommentFactory(goal=goal, author=mentor, mentorship=mentorship, body="And?")
        with _ago(12):
            CommentFactory(goal=goal, parent=first, body="Soon")
        with _ago(9):
            CommentFactory(goal=goal, body="Any thoughts?")
            CommentFactory(goal=goal, kind=CommentKind.OWN_NOTE, author=planner)
            CommentFactory(goal=goal, kind=CommentKind.MENTOR_NOTE, author=mentor)
            CommentFactory(goal=goal, kind=CommentKind.MENTOR_NOTE, author=dora)
            gone = CommentFactory(goal=goal, body="From a deleted account")
        Comment.objects.filter(pk=gone.pk).update(author=None)
        with _ago(8):
            CommentRead.objects.create(reader=mentor, goal=goal, read_at=timezone.now())
        CommentFactory(goal=goal, body="Today")
        CommentFactory(goal=unshared if planner == chosen else goal, body="Not for the mentor")
        for completed in (True, False):
            checkin = _checkin(planner, completed=completed)
            with _ago(10):
                CommentFactory(goal=None, checkin=checkin, planner=planner, body="On a check-in")
                CommentFactory(
                    goal=None, checkin=checkin, planner=planner, author=mentor, body="Reply"
                )

    now = timezone.now()
    for reader in (mentor, dora, every, UserFactory()):
        answer = comment_facts(reader, ships, now)
        assert answer == _orm_comment_facts(reader, [m.planner_id for m in ships], now)
    facts = comment_facts(mentor, ships, now)
    # Their own plan's comments too, when asked: the planner's side of `readers`.
    assert set(facts) == {every.pk, chosen.pk, mentor.pk}
    assert facts[every.pk].waiting
    assert facts[chosen.pk].waiting
    assert facts[every.pk].unread > facts[chosen.pk].unread > 0
    assert comment_facts(mentor, [], now) == {}
