"""The comments of one conversation as its reader may read them, in one plain-SQL query: what
choosing the threads needs for every comment (its thread, its time, whether it is news), and
what a note shows for the few the goal page writes out.

Plain SQL: the ORM query (the comments' `visible_to`, three joins of whole rows and an unread
subquery) cost several times as long to build and to turn into instances as to run, for the
five threads the goal page shows of a long conversation. Its reader condition is
`CommentQuerySet.readers` as the Mentees page's comment facts write it (`READABLE_SQL`), with
the ids `reach_of` found; tests/mentorship/test_comment_rows.py compares the answer with the
ORM query's.
"""

from datetime import datetime
from typing import NamedTuple
from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from apps.accounts.models import User
from apps.checkins.models import CheckIn
from apps.core.sql import fetch_rows
from apps.goals.models import Goal
from apps.mentorship.comment_facts import NEVER, READABLE_SQL, readable_params
from apps.mentorship.models import Comment
from apps.mentorship.notices import KIND as NOTICE_KIND


class Row(NamedTuple):
    id: int
    parent_id: int | None
    created_at: datetime
    author_id: int | None
    # Not the reader's own, and for the planner a comment they still have an unread
    # notification about, for a mentor one newer than their last visit.
    unread: bool
    public_id: UUID
    kind: str
    planner_id: int
    body: str
    edited_at: datetime | None
    author_name: str | None  # `User.get_full_name`; None once the author's account is gone
    from_past_mentor: bool  # `Comment.from_past_mentor`
    about: str  # the title of the milestone it is about, if any

    @property
    def pid(self) -> str:
        return str(self.public_id)


# The author's name is `User.get_full_name`; a past mentor is `Comment.from_past_mentor` with
# `Mentorship.is_active`, as `readers._REACH` writes it.
_ROWS = """
    SELECT c.id, c.parent_id, c.created_at, c.author_id,
           c.author_id IS DISTINCT FROM %(mentor)s AND {unread},
           c.public_id, c.kind, c.planner_id, c.body, c.edited_at,
           coalesce(nullif(author.display_name, ''), author.email),
           c.author_id IS DISTINCT FROM c.planner_id
               AND (m.id IS NULL OR m.ended_at IS NOT NULL
                    OR coalesce(m.end_date < %(today)s, false)),
           coalesce(milestone.title, '')
    FROM mentorship_comment c
    LEFT JOIN accounts_user author ON author.id = c.author_id
    LEFT JOIN mentorship_mentorship m ON m.id = c.mentorship_id
    LEFT JOIN milestones_milestone milestone ON milestone.id = c.milestone_id
    WHERE c.{target}_id = %(target)s AND {readable}
    ORDER BY c.created_at, c.id
"""
_NOTICED = """
    EXISTS (SELECT 1 FROM notifications_notification n
            WHERE n.recipient_id = %(mentor)s AND n.kind = %(notice)s AND n.read_at IS NULL
              AND n.target_type_id = %(comment_type)s AND n.target_id = c.id)
"""
_NEWER = """
    c.created_at > coalesce((SELECT r.read_at FROM mentorship_commentread r
                             WHERE r.reader_id = %(mentor)s AND r.{target}_id = %(target)s
                             LIMIT 1), %(never)s)
"""
_SQL = {
    (target, planner): _ROWS.format(
        unread=(_NOTICED if planner else _NEWER.format(target=target)),
        target=target,
        readable=READABLE_SQL,
    )
    for target in ("goal", "checkin")
    for planner in (True, False)
}


def comment_rows(viewer: User, target: Goal | CheckIn) -> list[Row]:
    """Every comment `viewer` may read on `target`, oldest first."""
    kind = "goal" if isinstance(target, Goal) else "checkin"
    is_planner = viewer.pk == target.owner_id
    params = {
        **readable_params(viewer),
        "target": target.pk,
        "today": timezone.localdate(),
        "notice": NOTICE_KIND,
        "comment_type": ContentType.objects.get_for_model(Comment).pk,
        "never": NEVER,
    }
    _, rows = fetch_rows(Comment, _SQL[kind, is_planner], params)
    return [Row._make(row) for row in rows]
