"""`comment_rows`: a conversation's comments in one plain-SQL query; for every reader and
target it must read exactly what the ORM's reading of the comments they may read says."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from apps.checkins.models import CheckIn
from apps.goals.models import Goal
from apps.mentorship.comment_rows import comment_rows
from apps.mentorship.models import Comment, CommentKind, CommentRead
from apps.mentorship.notices import KIND as NOTICE_KIND
from apps.notifications.models import Notification
from tests.factories import (
    CommentFactory,
    GoalFactory,
    MentorshipFactory,
    MilestoneFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _orm_rows(viewer, target) -> list[tuple]:
    """The same, as the ORM reads it (the query the plain SQL replaces)."""
    key = {"goal": target} if isinstance(target, Goal) else {"checkin": target}
    rows = (
        Comment.objects.visible_to(viewer)
        .filter(**key)
        .select_related("author", "mentorship", "milestone")
    )
    if viewer.pk == target.owner_id:
        notices = Notification.objects.filter(
            recipient=viewer,
            kind=NOTICE_KIND,
            read_at=None,
            target_type=ContentType.objects.get_for_model(Comment),
            target_id=OuterRef("pk"),
        )
        rows = rows.annotate(noticed=Exists(notices))
    else:
        seen = CommentRead.objects.filter(reader=viewer, **key).values("read_at")[:1]
        rows = rows.annotate(seen=Subquery(seen))
    return [
        (
            c.id,
            c.parent_id,
            c.created_at,
            c.author_id,
            _is_unread(c, viewer),
            c.public_id,
            c.kind,
            c.planner_id,
            c.body,
            c.edited_at,
            c.author.get_full_name() if c.author is not None else None,
            c.from_past_mentor,
            c.milestone.title if c.milestone is not None else "",
        )
        for c in rows
    ]


def _is_unread(comment, viewer) -> bool:
    if comment.author_id == viewer.pk:
        return False
    if hasattr(comment, "noticed"):
        return comment.noticed
    return comment.seen is None or comment.created_at > comment.seen


def _ago(days: int):
    return time_machine.travel(timezone.now() - timedelta(days=days), tick=False)


def _notify(recipient, comment, *, read: bool) -> None:
    Notification.objects.create(
        recipient=recipient,
        kind=NOTICE_KIND,
        target_type=ContentType.objects.get_for_model(Comment),
        target_id=comment.pk,
        read_at=timezone.now() if read else None,
    )


def _conversation(target, *, planner, mentors, milestone=None) -> None:
    """Every kind of comment by everyone, replies, an edit, a deleted author, news and not."""
    on = {"goal": target} if isinstance(target, Goal) else {"goal": None, "checkin": target}
    first_of = {}
    with _ago(9):
        for mentor, mentorship in mentors:
            first_of[mentor] = CommentFactory(
                **on, planner=planner, author=mentor, mentorship=mentorship, body="Question"
            )
            CommentFactory(
                **on,
                planner=planner,
                author=mentor,
                mentorship=mentorship,
                kind=CommentKind.MENTOR_NOTE,
                body=f"{mentor.display_name}'s memo",
            )
        mine = CommentFactory(**on, planner=planner, body="Me", edited_at=timezone.now())
        CommentFactory(**on, planner=planner, kind=CommentKind.OWN_NOTE, body="Just me")
        gone = CommentFactory(**on, planner=planner, body="From a deleted account")
        Comment.objects.filter(pk=gone.pk).update(author=None)
    with _ago(6):
        for mentor, _ in mentors:
            CommentRead.objects.create(reader=mentor, **on, read_at=timezone.now())
            CommentFactory(**on, planner=planner, parent=first_of[mentor], body="Answer")
            _notify(planner, first_of[mentor], read=True)
    for mentor, mentorship in mentors:
        reply = CommentFactory(
            **on, planner=planner, author=mentor, mentorship=mentorship, parent=mine
        )
        _notify(planner, reply, read=False)
    if milestone is not None:
        CommentFactory(**on, planner=planner, milestone=milestone, body="About a step")


def test_the_read_comments_match_the_orms(alice, bob, charlie, dora):
    erin, nameless = UserFactory(display_name="Erin"), UserFactory(display_name="")
    shared, unshared = GoalFactory(owner=alice), GoalFactory(owner=alice)
    running = MentorshipFactory(planner=alice, mentor=bob, goals=[shared], share_checkins=True)
    ended = MentorshipFactory(
        planner=alice, mentor=dora, all_goals=True, share_checkins=True, ended_at=timezone.now()
    )
    over = MentorshipFactory(
        planner=alice, mentor=erin, all_goals=True, end_date=timezone.localdate() - timedelta(1)
    )
    everything = MentorshipFactory(planner=alice, mentor=nameless, all_goals=True)
    # bob's own plan, which alice mentors: she is a mentor there and he the planner.
    alices = MentorshipFactory(planner=bob, mentor=alice, all_goals=True)
    bobs = GoalFactory(owner=bob)
    mentors = [(bob, running), (dora, ended), (erin, over), (nameless, everything)]
    completed = CheckIn.objects.create(owner=alice, completed_at=timezone.now())
    draft = CheckIn.objects.create(owner=alice)
    for target in (shared, unshared, completed, draft):
        milestone = MilestoneFactory(goal=target) if isinstance(target, Goal) else None
        _conversation(target, planner=alice, mentors=mentors, milestone=milestone)
    _conversation(bobs, planner=bob, mentors=[(alice, alices)])

    for reader in (alice, bob, charlie, dora, erin, nameless):
        for target in (shared, unshared, completed, draft, bobs):
            found = [tuple(row) for row in comment_rows(reader, target)]
            assert found == _orm_rows(reader, target), (reader, target)
    # The data reaches every branch: news and none, past mentors, milestones, shares.
    read = [row for target in (shared, completed) for row in comment_rows(bob, target)]
    assert {row.unread for row in read} == {True, False}
    planners = comment_rows(alice, shared)
    assert {row.unread for row in planners} == {True, False}
    assert {row.from_past_mentor for row in planners} == {True, False}
    assert {row.author_name for row in planners} >= {None, "Bob", nameless.email}
    assert any(row.about for row in planners)
    assert comment_rows(bob, unshared) == []
    assert comment_rows(bob, draft) == []
    assert comment_rows(charlie, shared) == []
    assert comment_rows(nameless, shared)
