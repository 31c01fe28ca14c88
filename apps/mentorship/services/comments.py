"""Writing, changing and deleting comments and notes, and marking a conversation read.

Who may write what: the planner writes shared comments and their own notes on their plan; a
mentor whose running share covers the goal or check-in writes shared comments and private
notes there, nothing else. Access to the target comes from the caller's access functions; the
rules below are the ones a view could get wrong.
"""

from datetime import datetime
from typing import Protocol

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.checkins.models import CheckIn
from apps.goals.models import Goal
from apps.mentorship import notices
from apps.mentorship.access import active_mentorship
from apps.mentorship.models import EDIT_WINDOW, Comment, CommentKind, CommentRead
from apps.milestones.models import Milestone

Target = Goal | CheckIn

PLANNER_KINDS = {CommentKind.SHARED, CommentKind.OWN_NOTE}
MENTOR_KINDS = {CommentKind.SHARED, CommentKind.MENTOR_NOTE}
MAX_BODY = 5_000


def _clean_body(body: str) -> str:
    body = body.strip()
    if not body:
        raise ValidationError({"body": "Write something first."})
    if len(body) > MAX_BODY:
        raise ValidationError({"body": f"Keep it under {MAX_BODY:,} characters."})
    return body


def comment_add(
    *,
    by: User,
    target: Target,
    body: str,
    kind: str = CommentKind.SHARED,
    milestone: Milestone | None = None,
    parent: Comment | None = None,
) -> Comment:
    """A new comment or note on `target` (a milestone of a goal target, if given). A reply
    takes its thread's kind and target; a reply to a reply joins the first comment."""
    body = _clean_body(body)
    planner_id = target.owner_id
    mentorship = None
    if by.pk != planner_id:
        mentorship = active_mentorship(planner_id, by)
        if mentorship is None:
            raise ValidationError("Only the planner and their mentors can comment here.")
    if parent is not None:
        parent = parent.parent or parent
        kind, milestone = parent.kind, parent.milestone
    allowed = PLANNER_KINDS if mentorship is None else MENTOR_KINDS
    if kind not in allowed:
        raise ValidationError({"kind": "Choose who may read it."})
    if milestone is not None and (not isinstance(target, Goal) or milestone.goal_id != target.pk):
        raise ValidationError({"about": "That milestone is not part of this goal."})
    with transaction.atomic():
        comment = Comment.objects.create(
            planner_id=planner_id,
            author=by,
            mentorship=mentorship,
            kind=kind,
            note_of=None if kind == CommentKind.SHARED else by,
            goal=target if isinstance(target, Goal) else None,
            checkin=target if isinstance(target, CheckIn) else None,
            milestone=milestone,
            parent=parent,
            body=body,
        )
        # The other party hears of a shared comment; notes stay quiet.
        notices.comment_notify(comment)
    return comment


class Written(Protocol):
    """What the rules below read of a comment: a `Comment`, or a conversation's row of one."""

    @property
    def author_id(self) -> int | None: ...
    @property
    def planner_id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...


def can_edit(comment: Written, user: User) -> bool:
    return comment.author_id == user.pk and timezone.now() < comment.created_at + EDIT_WINDOW


def can_delete(comment: Written, user: User) -> bool:
    """The author deletes their own; the planner deletes any comment on their plan they can
    read (a mentor's private note is the mentor's alone)."""
    if comment.author_id == user.pk:
        return True
    return comment.planner_id == user.pk and comment.kind == CommentKind.SHARED


def comment_edit(*, comment: Comment, by: User, body: str) -> Comment:
    if comment.author_id != by.pk:
        raise ValidationError("Only its author can change a comment.")
    if not can_edit(comment, by):
        raise ValidationError(
            {"body": "A comment can be changed for 15 minutes after it was written."}
        )
    comment.body = _clean_body(body)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at", "updated_at"])
    return comment


def comment_delete(*, comment: Comment, by: User) -> None:
    """Deletes the comment and its replies."""
    if not can_delete(comment, by):
        raise ValidationError("You can delete your own comments, and any on your plan.")
    comment.delete()


def comments_mark_read(*, reader: User, target: Target) -> None:
    """`reader` has seen the conversation on `target` as it is now."""
    key = "goal" if isinstance(target, Goal) else "checkin"
    # One statement (INSERT … ON CONFLICT DO UPDATE): opening a page stays cheap.
    CommentRead.objects.bulk_create(
        [CommentRead(reader=reader, read_at=timezone.now(), **{key: target})],
        update_conflicts=True,
        unique_fields=["reader", key],
        update_fields=["read_at"],
    )
