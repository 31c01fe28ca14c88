"""Reads for the mentorship pages: a mentee's shared plan and a planner's mentors (the
mentor's list of mentees is `apps.mentorship.mentees`).

The shared plan reads through the mentor's `visible_to`, so it shows exactly what the access
model lets the mentor open; both run a fixed number of queries however many goals.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Count,
    Expression,
    OuterRef,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce

from apps.accounts.models import User
from apps.assessment.selectors import shared_with
from apps.checkins.models import CheckIn
from apps.goals.models import Goal
from apps.mentorship.extras import next_meetings
from apps.mentorship.mentee_facts import (
    last_read,
    unread_by,
)
from apps.mentorship.models import (
    ASSESSMENT_PARTS,
    Comment,
    DeadlineRequest,
    Mentorship,
)
from apps.mentorship.notices import KIND as COMMENT_KIND
from apps.mentorship.readers import reach_of
from apps.notifications.models import Notification

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
    seen in the notifications, open requests for a new date on goals that mentor sees, and the
    next meeting. Two queries however many mentorships, comments or requests, and none for a
    planner without a mentor: the request's `reach_of` already knows."""
    reach = reach_of(planner)
    if not set(reach.either_side) - set(reach.mentorships):  # a mentor's own, if any
        return []
    running = (
        Mentorship.objects.owned_by(planner)
        .active()
        .select_related("mentor")
        # What the dashboard's list shows: the mentor's name and the links.
        .only("public_id", "all_goals", "mentor__display_name", "mentor__email")
        .annotate(**_news_from_mentor(planner))
        .order_by("started_at")
    )
    rows = [MentorRow(m, m.new_comments, m.open_requests) for m in running]
    soon = next_meetings(row.mentorship.pk for row in rows)
    for row in rows:
        row.next_meeting = soon.get(row.mentorship.pk)
    return rows


def _news_from_mentor(planner: User) -> dict[str, Expression]:
    """Counts per mentorship, each a subquery on its mentor or its goals: the comment notices
    the planner has not read, and the open requests for a new date on the goals that mentor
    sees (every goal, or the ones the mentorship shares one by one)."""
    unseen = Notification.objects.filter(
        recipient=planner, kind=COMMENT_KIND, read_at=None, actor=OuterRef("mentor")
    )
    requests = DeadlineRequest.objects.owned_by(planner).open()
    shared = requests.filter(goal__mentorships=OuterRef("pk"))
    return {
        "new_comments": _count(unseen.values("actor")),
        "open_requests": Case(
            When(all_goals=True, then=_count(requests.values("planner"))),
            default=_count(shared.values("planner")),
        ),
    }


def _count(grouped: QuerySet) -> Coalesce:
    """COUNT(*) of rows grouped by one value they share; no row at all counts 0."""
    counted = grouped.order_by().annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), 0)
