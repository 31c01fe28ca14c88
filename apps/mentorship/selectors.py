"""Reads for the mentorship pages: a mentee's shared plan and a planner's mentors (the
mentor's list of mentees is `apps.mentorship.mentees`).

The shared plan reads through the mentor's `visible_to`, so it shows exactly what the access
model lets the mentor open; both run a fixed number of queries however many goals.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from apps.accounts.models import User
from apps.assessment.selectors import shared_with
from apps.checkins.models import CheckIn
from apps.core.sql import fetch_rows
from apps.goals.models import Goal
from apps.mentorship.extras import next_meetings
from apps.mentorship.mentee_facts import (
    last_read,
    unread_by,
)
from apps.mentorship.models import (
    ASSESSMENT_PARTS,
    Comment,
    DeadlineRequestStatus,
    Mentorship,
)
from apps.mentorship.notices import KIND as COMMENT_KIND
from apps.mentorship.readers import reach_of

PART_LABELS = dict(ASSESSMENT_PARTS)


def shares_in_words(mentorship: Mentorship, goal_count: int) -> list[str]:
    what = []
    if mentorship.share_vision:
        what.append("vision")
    what.append(
        "all goals" if mentorship.all_goals else f"{goal_count} goal{'s' * (goal_count != 1)}"
    )
    if mentorship.share_checkins:
        what.append("check-in summaries")
    what.extend(PART_LABELS[p].lower() for p in mentorship.assessment_parts if p in PART_LABELS)
    return what


def unread_by_goal(mentor: User, planner_id: int) -> dict[int, int]:
    """How many comments on each of the planner's goals the mentor may read and has not
    seen: newer than the mentor's last visit to that goal's conversation."""
    rows = (
        Comment.objects.visible_to(mentor)
        .filter(planner=planner_id, goal__isnull=False)
        .alias(last_read=last_read(mentor))
        .filter(unread_by(mentor))
    )
    return dict(rows.values_list("goal").annotate(n=Count("pk")).order_by())


def shared_plan(mentorship: Mentorship) -> dict:
    """The planner's plan as the mentor of `mentorship` sees it."""
    mentor, planner = mentorship.mentor, mentorship.planner
    goals = list(Goal.objects.visible_to(mentor).filter(owner=planner).with_progress().in_order())
    checkins = CheckIn.objects.visible_to(mentor).filter(owner=planner).order_by("-completed_at")
    unread = unread_by_goal(mentor, planner.pk)
    for goal in goals:
        goal.unread = unread.get(goal.pk, 0)  # type: ignore[attr-defined]
    return {
        "mentorship": mentorship,
        "planner": planner,
        "goals": goals,
        "checkins": list(checkins[:5]),
        "shares": shares_in_words(mentorship, len(goals)),
        "assessment": shared_with(mentor, planner),
    }


@dataclass
class MentorRow:
    """One of the planner's running mentorships on their dashboard."""

    mentorship: Mentorship
    new_comments: int = 0
    open_requests: int = 0
    # From the meetings app through apps.mentorship.extras, None when nothing is planned.
    next_meeting: Any = None


def my_mentorships(planner: User) -> list[MentorRow]:
    """The planner's running mentorships with what is new from each mentor: comments not yet
    seen in the notifications, open requests for a new date on goals that mentor sees (every
    goal, or the ones the mentorship shares one by one), and the next meeting. Two queries
    however many mentorships, comments or requests, and none for a planner without a mentor:
    the request's `reach_of` already knows which mentorships run."""
    reach = reach_of(planner)
    running = sorted(set(reach.either_side) - set(reach.mentorships))  # a mentor's own, if any
    if not running:
        return []
    params = {
        "planner": planner.pk,
        "running": running,
        "comment": COMMENT_KIND,
        "open": DeadlineRequestStatus.OPEN.value,
    }
    alias, found = fetch_rows(Mentorship, _MY_MENTORSHIPS, params)
    rows = []
    for pk, public_id, mentor_id, email, display_name, new_comments, open_requests in found:
        # As `.only()` would load them: what the list shows, the mentor's name and the links.
        mentorship = Mentorship.from_db(
            alias, ["id", "public_id", "mentor_id"], [pk, public_id, mentor_id]
        )
        mentorship.mentor = User.from_db(
            alias, ["id", "email", "display_name"], [mentor_id, email, display_name]
        )
        rows.append(MentorRow(mentorship, new_comments, open_requests))
    soon = next_meetings([row.mentorship.pk for row in rows])
    for row in rows:
        row.next_meeting = soon.get(row.mentorship.pk)
    return rows


# The dashboard's list of the planner's mentors, each with two counts. Plain SQL: as ORM
# subqueries (with a Case for "every goal or the shared ones", each count in a Coalesce) it
# cost about ten times as long to build as to run. The mentorships are the running ones
# `reach_of` found; the counts are `Notification.objects.owned_by(planner).unread()` of the
# comment kind from that mentor, and `DeadlineRequest.objects.owned_by(planner).open()` on the
# goals the mentorship shares (tests/dashboard/test_my_mentors.py compares both with the ORM).
_MY_MENTORSHIPS = """
    SELECT m.id, m.public_id, m.mentor_id, u.email, u.display_name,
           (SELECT count(*) FROM notifications_notification n
            WHERE n.recipient_id = %(planner)s AND n.kind = %(comment)s AND n.read_at IS NULL
              AND n.actor_id = m.mentor_id) AS new_comments,
           (SELECT count(*) FROM mentorship_deadlinerequest r
            WHERE r.planner_id = %(planner)s AND r.status = %(open)s
              AND (m.all_goals OR r.goal_id IN (SELECT shared.goal_id
                                                FROM mentorship_mentorship_goals shared
                                                WHERE shared.mentorship_id = m.id)))
               AS open_requests
    FROM mentorship_mentorship m JOIN accounts_user u ON u.id = m.mentor_id
    WHERE m.id = ANY(%(running)s)
    ORDER BY m.started_at, m.id
"""
