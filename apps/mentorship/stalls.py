"""Stall detection for the Mentees page: which mentees seem stuck, each reason in words.

A stall check looks at all of one mentor's running mentorships at once and answers, per
planner, the stalls it found; each check runs a fixed number of queries however many mentees,
so the page's query count does not grow with them. Checks register here (`register_check`);
the built-in ones cover check-ins, overdue milestones, unanswered comments and deadline
requests. An app that knows meetings can register "no meeting held in twice the agreed
rhythm" the same way from its AppConfig.ready(), without this module knowing it.

Every check reads what the mentor's `visible_to` lets them read (through it, or as plain SQL
with its reader conditions written out and a test comparing it with the ORM query), so it never
speaks of anything the mentor could not open: nothing of check-ins unless they are shared,
nothing of an unshared goal.
What the page's rows show as well (the last check-in, the overdue milestones, the unread
comments) is read in `apps.mentorship.mentee_facts` and `comment_facts`, once per request for
the rows and the checks together.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from apps.accounts.models import User
from apps.checkins.models import Frequency
from apps.core.dates import span_in_words
from apps.core.sql import fetch_rows
from apps.goals.models import Goal
from apps.mentorship.comment_facts import UNANSWERED_AFTER, comment_facts
from apps.mentorship.mentee_facts import checkin_facts, last_checkins, plan_facts
from apps.mentorship.models import DeadlineRequest, DeadlineRequestStatus, Mentorship
from apps.mentorship.readers import SHARED_GOALS_SQL, reach_params
from apps.milestones.models import Milestone

OVERDUE_AFTER = timedelta(days=14)
PERIOD_DAYS: dict[str, int] = {
    Frequency.WEEKLY: 7,
    Frequency.BIWEEKLY: 14,
    Frequency.MONTHLY: 30,
    Frequency.QUARTERLY: 91,
}


@dataclass(frozen=True)
class Stall:
    kind: str
    reason: str


Found = dict[int, list[Stall]]
# (mentor, their running mentorships, now) -> stalls per planner id.
StallCheck = Callable[[User, list[Mentorship], datetime], Found]

_checks: list[StallCheck] = []


def register_check(check: StallCheck) -> None:
    if check not in _checks:
        _checks.append(check)


def stalls_for(mentor: User, mentorships: list[Mentorship], now: datetime) -> Found:
    found: Found = defaultdict(list)
    if not mentorships:
        return found
    for check in _checks:
        for planner_id, stalls in check(mentor, mentorships, now).items():
            found[planner_id].extend(stalls)
    return found


def _days(delta: timedelta) -> str:
    return span_in_words(max(delta.days, 1))


def checkins_missing(mentor: User, mentorships: list[Mentorship], now: datetime) -> Found:
    """No check-in for two of the planner's own periods, said only where check-ins are
    shared: otherwise the mentor learns nothing about them, not even their absence."""
    sharing = {m.planner_id: m for m in mentorships if m.share_checkins}
    facts = checkin_facts(mentor, mentorships)
    rhythm = {planner: frequency for planner, (_, frequency) in facts.items() if frequency}
    last = last_checkins(mentor, mentorships)
    found: Found = {}
    for planner_id, frequency in rhythm.items():
        period = timedelta(days=PERIOD_DAYS.get(frequency, 7))
        since = last.get(planner_id) or sharing[planner_id].started_at
        if now - since > 2 * period:
            label = Frequency(frequency).label.lower()
            what = "No check-in" if planner_id in last else "No check-in yet"
            reason = f"{what} for {_days(now - since)} — they planned one {label}"
            found[planner_id] = [Stall("checkins", reason)]
    return found


def milestones_overdue(mentor: User, mentorships: list[Mentorship], now: datetime) -> Found:
    cutoff = (now - OVERDUE_AFTER).date()
    # Read as far as the rows do (overdue today), which is the same read when a request asks.
    before = max(cutoff, timezone.localdate())
    found: Found = {}
    for owner, plan in plan_facts(mentor, mentorships, before).items():
        items = [m for m in plan.overdue if m.due < cutoff]
        if not items:
            continue
        due, title = items[0].due, items[0].title
        late = _days(now.date() - due)
        more = f" and {len(items) - 1} more" if len(items) > 1 else ""
        reason = f"Milestone “{title}”{more} overdue by {late}"
        found[owner] = [Stall("milestones", reason)]
    return found


def comments_unanswered(mentor: User, mentorships: list[Mentorship], now: datetime) -> Found:
    """A shared comment with no answer from the other side for a week (see
    `apps.mentorship.comment_facts`, read once with the rows' unread counts)."""
    names = {m.planner_id: m.planner.get_full_name() for m in mentorships}
    found: Found = {}
    for planner_id, facts in comment_facts(mentor, mentorships, now).items():
        if not facts.waiting:
            continue
        author_id, created, title = facts.waiting[0]
        where = f" on “{title}”" if title else " on a check-in"
        waited = _days(now - created)
        if author_id == mentor.pk:
            reason = f"Your comment{where} has had no answer for {waited}"
        else:
            reason = f"{names[planner_id]}’s comment{where} has waited {waited} for your answer"
        found[planner_id] = [Stall("comments", reason)]
    return found


# Of a waiting request, what the reason says (`subject` reads only the titles), in the
# models' field order as `from_db` takes them.
REQUEST_FIELDS = ("id", "created_at", "planner_id", "goal_id", "milestone_id", "commented_at")
TITLE_FIELDS = ("id", "title")

# `DeadlineRequest.objects.visible_to(mentor).open()` of the planners, waiting a week for the
# mentor's comment or the planner's decision, oldest first, with their goals' and milestones'
# titles. Plain SQL: as an ORM query (the requests' reader condition with the goals' own as a
# subquery, two joins) it cost about twice as long to build as to run. The reader conditions
# are `DeadlineRequestQuerySet.readers` and the goals' over the ids `reach_of` found;
# tests/mentorship/test_waiting_requests.py compares the answer with the ORM query's.
# Only constants are joined into the text; every value is a parameter.
_WAITING_REQUESTS = f"""
    SELECT r.id, r.created_at, r.planner_id, r.goal_id, r.milestone_id, r.commented_at,
           g.id, g.title, ms.id, ms.title
    FROM mentorship_deadlinerequest r
    JOIN goals_goal g ON g.id = r.goal_id
    LEFT JOIN milestones_milestone ms ON ms.id = r.milestone_id
    WHERE (r.planner_id = %(mentor)s
           OR r.goal_id IN ({SHARED_GOALS_SQL}))
      AND r.status = %(open)s
      AND r.planner_id = ANY(%(planners)s)
      AND ((r.commented_at IS NULL AND r.created_at < %(before)s) OR r.commented_at < %(before)s)
    ORDER BY r.created_at, r.id
"""  # noqa: S608


def waiting_requests(
    mentor: User, mentorships: list[Mentorship], now: datetime
) -> list[DeadlineRequest]:
    params: dict[str, Any] = {
        **reach_params(mentor),
        "planners": [m.planner_id for m in mentorships],
        "open": DeadlineRequestStatus.OPEN.value,
        "before": now - UNANSWERED_AFTER,
    }
    alias, rows = fetch_rows(DeadlineRequest, _WAITING_REQUESTS, params)
    requests = []
    for row in rows:
        request = DeadlineRequest.from_db(alias, REQUEST_FIELDS, row[:6])
        request.goal = Goal.from_db(alias, TITLE_FIELDS, row[6:8])
        request.milestone = Milestone.from_db(alias, TITLE_FIELDS, row[8:]) if row[8] else None
        requests.append(request)
    return requests


def requests_waiting(mentor: User, mentorships: list[Mentorship], now: datetime) -> Found:
    found: Found = {}
    for request in waiting_requests(mentor, mentorships, now):
        if request.planner_id in found:
            continue
        if request.commented_at is None:
            reason = f"Their request for a new date for {request.subject} has waited "
            reason += f"{_days(now - request.created_at)} for your comment"
        else:
            reason = f"Their request for a new date for {request.subject} is undecided "
            reason += f"{_days(now - request.commented_at)} after your comment"
        found[request.planner_id] = [Stall("requests", reason)]
    return found


def register_builtin_checks() -> None:
    for check in (checkins_missing, milestones_overdue, comments_unanswered, requests_waiting):
        register_check(check)
