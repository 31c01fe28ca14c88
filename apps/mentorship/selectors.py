"""Reads for the mentorship pages: the mentor's list of mentees and a mentee's shared plan.

Both read through the mentor's `visible_to`, so they show exactly what the access model lets
the mentor open, and both run a fixed number of queries however many mentees or goals.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import connections, router
from django.db.models import Count, F, Max, OuterRef, Q, Subquery
from django.utils import timezone

from apps.accounts.models import User
from apps.assessment.selectors import shared_with
from apps.checkins.models import CheckIn
from apps.goals.models import Goal
from apps.mentorship.extras import next_meetings
from apps.mentorship.models import (
    ASSESSMENT_PARTS,
    NUDGE_INTERVAL,
    Comment,
    CommentRead,
    DeadlineRequestStatus,
    Mentorship,
    Nudge,
)
from apps.mentorship.notices import KIND as COMMENT_KIND
from apps.mentorship.readers import reach_of
from apps.mentorship.stalls import Stall, last_checkins, overdue_milestones, stalls_for

PART_LABELS = dict(ASSESSMENT_PARTS)


@dataclass
class MenteeRow:
    mentorship: Mentorship
    goals: list[Goal] = field(default_factory=list)
    overdue: int = 0
    last_checkin: datetime | None = None
    unread: int = 0
    stalls: list[Stall] = field(default_factory=list)
    # When the mentor may nudge again (None: now).
    nudge_again: datetime | None = None
    # From the meetings app through apps.mentorship.extras, None when nothing is planned.
    next_meeting: Any = None

    @property
    def progress(self) -> int:
        if not self.goals:
            return 0
        return round(sum(g.progress for g in self.goals) / len(self.goals))


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


def mentee_rows(mentor: User) -> list[MenteeRow]:
    # Most people mentor nobody: the request's reach already says so, without a query.
    if not reach_of(mentor).mentorships:
        return []
    mentorships = list(Mentorship.objects.mentoring(mentor).select_related("planner"))
    rows = {m.planner_id: MenteeRow(m) for m in mentorships}
    if not rows:
        return []
    planners = list(rows)
    # Only what `Goal.progress` reads: the row shows the goals' count and mean progress.
    goals = (
        Goal.objects.visible_to(mentor)
        .filter(owner__in=planners)
        .with_progress()
        .only("owner", "status", "measure_kind", "baseline", "target_value", "current_value")
    )
    for goal in goals.in_order():
        rows[goal.owner_id].goals.append(goal)
    # Read once with the stall checks (see apps.mentorship.stalls).
    for owner, _title, _due in overdue_milestones(mentor, mentorships, timezone.localdate()):
        rows[owner].overdue += 1
    for planner_id, last in last_checkins(mentor, mentorships).items():
        rows[planner_id].last_checkin = last
    soon = next_meetings(m.pk for m in mentorships)
    for entry in unread_by_planner(mentor, planners):
        rows[entry["planner"]].unread = entry["n"]
    now = timezone.now()
    for planner_id, stalls in stalls_for(mentor, mentorships, now).items():
        rows[planner_id].stalls = stalls
    # The mentor's own nudges, reached through their running mentorships.
    nudged = (
        Nudge.objects.filter(mentorship__in=[m.pk for m in mentorships])
        .filter(sent_at__gt=now - NUDGE_INTERVAL)
        .values("mentorship__planner")
        .annotate(last=Max("sent_at"))
        .values_list("mentorship__planner", "last")
    )
    for nudged_planner, last_nudge in nudged:
        rows[nudged_planner].nudge_again = last_nudge + NUDGE_INTERVAL
    for mentorship in mentorships:
        rows[mentorship.planner_id].next_meeting = soon.get(mentorship.pk)
    return list(rows.values())


def _unread(mentor: User, planners: list[int]):
    """The comments the mentor may read and has not seen: newer than the mentor's last visit
    to that goal's or check-in's conversation."""
    seen = CommentRead.objects.filter(reader=mentor).filter(
        Q(goal=OuterRef("goal")) | Q(checkin=OuterRef("checkin"))
    )
    return (
        Comment.objects.visible_to(mentor)
        .filter(planner__in=planners)
        .exclude(author=mentor)
        .annotate(seen=Subquery(seen.values("read_at")[:1]))
        .filter(Q(seen=None) | Q(created_at__gt=F("seen")))
    )


def unread_by_planner(mentor: User, planners: list[int]):
    """How many unread comments per mentee, in one query."""
    return _unread(mentor, planners).values("planner").annotate(n=Count("pk")).order_by()


def unread_by_goal(mentor: User, planner_id: int) -> dict[int, int]:
    rows = _unread(mentor, [planner_id]).filter(goal__isnull=False)
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
    params: dict[str, Any] = {
        "planner": planner.pk,
        "running": running,
        "comment": COMMENT_KIND,
        "open": DeadlineRequestStatus.OPEN.value,
    }
    alias = router.db_for_read(Mentorship)
    with connections[alias].cursor() as cursor:
        cursor.execute(_MY_MENTORSHIPS, params)
        found = cursor.fetchall()
    rows = []
    for pk, public_id, mentor_id, email, display_name, new_comments, open_requests in found:
        # As `.only()` would load them, in the models' field order: the name and the links.
        mentorship = Mentorship.from_db(
            alias, ["id", "public_id", "mentor_id"], [pk, public_id, mentor_id]
        )
        mentorship.mentor = User.from_db(
            alias, ["id", "email", "display_name"], [mentor_id, email, display_name]
        )
        rows.append(MentorRow(mentorship, new_comments, open_requests))
    soon = next_meetings(row.mentorship.pk for row in rows)
    for row in rows:
        row.next_meeting = soon.get(row.mentorship.pk)
    return rows


# The dashboard's list of the planner's mentors, each with two counts. Plain SQL: as ORM
# subqueries (with a Case for "every goal or the shared ones") it cost about ten times as long
# to build as to run. The mentorships are the running ones `reach_of` found; the counts are
# `Notification.objects.owned_by(planner).unread()` of the comment kind from that mentor, and
# `DeadlineRequest.objects.owned_by(planner).open()` on the goals the mentorship shares.
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
