"""The Mentees page's rows: each mentee with what needs the mentor, in a fixed number of
queries however many mentees.

Everything reads what the mentor's `visible_to` lets them read (see `mentee_facts`,
`comment_facts` and the stall checks), so a row shows exactly what the access model lets the
mentor open. What a row prints is worked
out here once, as plain text and links: each lookup, filter and tag in the row's template
costs on every row.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils import timezone

from apps.accounts.models import User
from apps.core.dates import moment_writer
from apps.core.printed import PrintedRow
from apps.core.templatetags.plan_tags import link
from apps.mentorship.comment_facts import comment_facts
from apps.mentorship.extras import next_meetings
from apps.mentorship.mentee_facts import plan_facts, running_mentorships
from apps.mentorship.models import NUDGE_INTERVAL, Mentorship
from apps.mentorship.stalls import Stall, stalls_for


@dataclass
class MenteeRow(PrintedRow):
    mentorship: Mentorship
    # Of the goals the mentor may read: how many, and their mean progress.
    goal_count: int = 0
    progress: int = 0
    overdue: int = 0
    last_checkin: datetime | None = None
    unread: int = 0
    stalls: list[Stall] = field(default_factory=list)
    # When the mentor may nudge again (None: now).
    nudge_again: datetime | None = None
    # From the meetings app through apps.mentorship.extras, None when nothing is planned.
    next_meeting: Any = None
    # What the row prints, worked out by `_words`.
    pid: str = ""
    name: str = ""
    url: str = ""
    nudge_url: str = ""
    shares: str = ""
    progress_label: str = ""
    checkin_iso: str = ""
    checkin_text: str = ""
    nudge_iso: str = ""
    nudge_text: str = ""
    meeting_url: str = ""
    meeting_iso: str = ""
    meeting_text: str = ""


def mentee_rows(mentor: User) -> list[MenteeRow]:
    now = timezone.now()
    # The mentor's own nudges of this week and the planners' check-in facts come with their
    # mentorships; most people mentor nobody, which the request's reach says without a query.
    mentorships = running_mentorships(mentor, now - NUDGE_INTERVAL)
    if not mentorships:
        return []
    rows = {m.planner_id: MenteeRow(m) for m in mentorships}
    # Read once with the stall checks (see apps.mentorship.mentee_facts).
    for planner_id, plan in plan_facts(mentor, mentorships, timezone.localdate()).items():
        row = rows[planner_id]
        row.goal_count, row.progress, row.overdue = plan.goals, plan.progress, len(plan.overdue)
    for planner_id, facts in comment_facts(mentor, mentorships, now).items():
        rows[planner_id].unread = facts.unread
    for planner_id, stalls in stalls_for(mentor, mentorships, now).items():
        rows[planner_id].stalls = stalls
    soon = next_meetings(m.pk for m in mentorships)
    for mentorship in mentorships:
        row = rows[mentorship.planner_id]
        row.next_meeting = soon.get(mentorship.pk)
        if mentorship.share_checkins:
            row.last_checkin = mentorship.last_checkin  # type: ignore[attr-defined]
        if mentorship.last_nudge is not None:  # type: ignore[attr-defined]
            row.nudge_again = mentorship.last_nudge + NUDGE_INTERVAL  # type: ignore[attr-defined]
    day, meeting_time = moment_writer("j M Y"), moment_writer("D j M, H:i")
    for row in rows.values():
        _words(row, day, meeting_time)
    return list(rows.values())


Written = Callable[[datetime], tuple[str, str]]


def _words(row: MenteeRow, day: Written, meeting_time: Written) -> None:
    mentorship = row.mentorship
    row.pid = mentorship.pid
    row.name = mentorship.planner.get_full_name()
    row.url = link("mentorship:mentee", row.pid)
    row.nudge_url = link("mentorship:nudge", row.pid)
    row.progress_label = f"Overall progress of {row.name}"
    shares = ["vision"] if mentorship.share_vision else []
    goals = f"{row.goal_count} goal{'' if row.goal_count == 1 else 's'}"
    shares.append("all goals" if mentorship.all_goals else goals)
    if mentorship.share_checkins:
        shares.append("check-ins")
    row.shares = ", ".join(shares)
    if not mentorship.share_checkins:
        row.checkin_text = "Not shared"
    elif row.last_checkin is None:
        row.checkin_text = "None yet"
    else:
        row.checkin_iso, row.checkin_text = day(row.last_checkin)
    if row.nudge_again is not None:
        row.nudge_iso, row.nudge_text = day(row.nudge_again)
    meeting = row.next_meeting
    if meeting is None:
        row.meeting_url = link("meetings:list", row.pid)
    else:
        row.meeting_url = link("meetings:meeting", meeting.public_id)
        row.meeting_iso, row.meeting_text = meeting_time(meeting.starts_at)
