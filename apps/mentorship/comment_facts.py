"""The Mentees page's read of the comments: per mentee, what the mentor has not read and which
shared comments wait for an answer, for the rows and the comment stall together.

Plain SQL: as an ORM query (the comments' `visible_to` with the goals' and check-ins' own as
subqueries, a correlated last-read subquery, a filtered count and a filtered, ordered JSON
aggregate with a NOT EXISTS) it cost more than twice as long to build as to run. Its reader
condition is `CommentQuerySet.readers` written out with the ids `reach_of` found, as the
goals' and check-ins' reader conditions take them; tests/mentorship/test_comment_facts.py
compares its answer with the ORM query's over the states that matter.
"""

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from apps.accounts.models import User
from apps.core import scope
from apps.core.sql import fetch_rows
from apps.mentorship.models import Comment, CommentKind, Mentorship
from apps.mentorship.readers import SHARED_CHECKINS_SQL, SHARED_GOALS_SQL, reach_params

UNANSWERED_AFTER = timedelta(days=7)
# A conversation left alone for longer than this is taken as finished, not as waiting.
SETTLED_AFTER = timedelta(days=60)
# Earlier than any comment: the last visit of a reader who never opened the conversation.
NEVER = datetime.min.replace(tzinfo=UTC)


class Waiting(NamedTuple):
    """A shared comment waiting for the other side's answer."""

    author: int
    at: datetime
    title: str | None  # of its goal; None on a check-in


@dataclass
class CommentFacts:
    unread: int = 0
    waiting: list[Waiting] = field(default_factory=list)  # oldest first


# `CommentQuerySet.readers` on a comment `c`, with `readable_params`: the planner's shared
# comments and own notes; a mentor's shared comments and own private notes where the goal or
# check-in is shared with them. A comment's planner owns its goal or check-in, so the
# planner's own goals among the shared ones select nothing more.
READABLE_SQL = f"""
    ((c.planner_id = %(mentor)s AND c.kind IN (%(shared)s, %(own_note)s))
     OR ((c.goal_id IN ({SHARED_GOALS_SQL}) OR c.checkin_id IN ({SHARED_CHECKINS_SQL}))
         AND (c.kind = %(shared)s OR (c.author_id = %(mentor)s AND c.kind = %(mentor_note)s))
         AND c.planner_id <> %(mentor)s))
"""


def readable_params(user: User) -> dict[str, Any]:
    """The parameters of `READABLE_SQL` for `user` (as `mentor`, whichever side they are)."""
    return {
        **reach_params(user),
        "shared": CommentKind.SHARED.value,
        "own_note": CommentKind.OWN_NOTE.value,
        "mentor_note": CommentKind.MENTOR_NOTE.value,
    }


# The NULL tests are the ORM's: a comment by a deleted account counts as unread, and as an
# answer to any comment before it in its thread, as in the query this replaces.
# Only constants are joined into the text; every value is a parameter.
_COMMENTS = f"""
    SELECT c.planner_id,
           count(c.id) FILTER (WHERE
               c.created_at > coalesce(
                   (SELECT r.read_at FROM mentorship_commentread r
                    WHERE r.reader_id = %(mentor)s
                      AND (r.goal_id = c.goal_id OR r.checkin_id = c.checkin_id)
                    LIMIT 1),
                   %(never)s)
               AND NOT (c.author_id = %(mentor)s AND c.author_id IS NOT NULL)),
           jsonb_agg(jsonb_build_object('author', c.author_id, 'at', c.created_at,
                                        'title', g.title)
                     ORDER BY c.created_at, c.id) FILTER (WHERE
               c.kind = %(shared)s
               AND c.created_at < %(unanswered)s AND c.created_at > %(settled)s
               AND (c.author_id = %(mentor)s OR c.author_id = c.planner_id)
               AND NOT EXISTS (
                   SELECT 1 FROM mentorship_comment later
                   WHERE later.created_at > c.created_at AND later.kind = %(shared)s
                     AND (later.parent_id = coalesce(c.parent_id, c.id)
                          OR later.id = coalesce(c.parent_id, c.id))
                     AND NOT (later.author_id = c.author_id AND later.author_id IS NOT NULL)))
    FROM mentorship_comment c
    LEFT JOIN goals_goal g ON g.id = c.goal_id
    WHERE c.planner_id = ANY(%(planners)s)
      AND {READABLE_SQL}
    GROUP BY c.planner_id
"""  # noqa: S608


def comment_facts(
    mentor: User, mentorships: list[Mentorship], now: datetime
) -> dict[int, CommentFacts]:
    """Per planner, how many comments the mentor has not read and which shared comments
    have had no answer from the other side for a week: the newest word of a thread, older
    than a week and younger than the point where a thread counts as done. One aggregated
    query over the comments the mentor may read."""
    planners = tuple(m.planner_id for m in mentorships)
    if not planners:
        return {}

    def load() -> dict[int, CommentFacts]:
        params: dict[str, Any] = {
            **readable_params(mentor),
            "planners": list(planners),
            "never": NEVER,
            "unanswered": now - UNANSWERED_AFTER,
            "settled": now - SETTLED_AFTER,
        }
        _, rows = fetch_rows(Comment, _COMMENTS, params)
        return {planner: CommentFacts(n, _waiting(waits)) for planner, n, waits in rows}

    return scope.remember(("mentorship.comments", mentor.pk, planners, now), load)


def _waiting(found: str | None) -> list[Waiting]:
    # Django reads jsonb as text; JSON has no timestamps: the database wrote each as ISO 8601.
    waits = json.loads(found) if found else ()
    return [Waiting(w["author"], datetime.fromisoformat(w["at"]), w["title"]) for w in waits]
