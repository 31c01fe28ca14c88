"""What a meeting's page shows: the agenda built for it and the notes, in a fixed number of
queries whatever their size.

The agenda is the same for both people, built from what the mentor may read: the planner's
latest check-in (only when check-ins are shared with this mentor), the open milestones of the
shared goals due by a week after the meeting, and the shared comments still waiting for an
answer, together with what either of them added.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import cast

from django.db.models import Exists, OuterRef
from django.urls import reverse

from apps.accounts.models import User
from apps.checkins.models import CheckIn
from apps.core.dates import exact_date
from apps.goals.models import Goal
from apps.meetings.models import AgendaItem, Meeting, MeetingNote
from apps.mentorship.models import Comment, CommentKind
from apps.milestones.models import Milestone

DUE_WITHIN = timedelta(days=7)
SHOWN = 50
# The columns the page shows of a person named on it (`get_full_name`).
NAMED = ("author__display_name", "author__email")


@dataclass
class Agenda:
    checkin: CheckIn | None = None
    checkins_shared: bool = False
    milestones: list[Milestone] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)


def build_agenda(meeting: Meeting) -> Agenda:
    mentorship = meeting.mentorship
    planner, mentor = mentorship.planner, mentorship.mentor
    agenda = Agenda(checkins_shared=mentorship.share_checkins)
    if mentorship.share_checkins:
        agenda.checkin = (
            CheckIn.objects.visible_to(mentor)
            .completed()
            .filter(owner=planner)
            .only("public_id", "completed_at", "confidence", "next_steps")
            .first()
        )
    by_day = (meeting.starts_at + DUE_WITHIN).date()
    agenda.milestones = list(
        Milestone.objects.visible_to(mentor)
        .filter(goal__owner=planner, done_at=None, due_date__lte=by_day)
        .select_related("goal")
        .only("title", "due_date", "goal__public_id", "goal__title")
        .order_by("due_date", "pk")[:SHOWN]
    )
    # Many milestones share a goal: its link is reversed once, not once per milestone; the
    # due date is formatted here rather than by two filters in every row.
    links: dict[int, str] = {}
    for milestone in agenda.milestones:
        due = cast(date, milestone.due_date)  # the query kept only milestones with a date
        milestone.goal_url = _goal_page(milestone.goal, links)  # type: ignore[attr-defined]
        milestone.due_iso = due.isoformat()  # type: ignore[attr-defined]
        milestone.due_text = exact_date(due)  # type: ignore[attr-defined]
    replies = Comment.objects.filter(parent=OuterRef("pk"))
    agenda.comments = list(
        Comment.objects.visible_to(mentor)
        .filter(planner=planner, kind=CommentKind.SHARED, parent=None)
        .filter(~Exists(replies))
        .select_related("author", "goal", "checkin")
        .only("body", "goal__public_id", "checkin__public_id", *NAMED)
        .order_by("-created_at")[:SHOWN]
    )
    for comment in agenda.comments:
        if comment.goal is not None:
            target = _goal_page(comment.goal, links)
        elif comment.checkin is not None:
            target = reverse("checkins:detail", args=[comment.checkin.public_id])
        else:
            continue
        comment.url = f"{target}#conversation"  # type: ignore[attr-defined]
    agenda.items = list(
        meeting.agenda_items.select_related("author").only("meeting", "body", *NAMED)
    )
    return agenda


def _goal_page(goal: Goal, links: dict[int, str]) -> str:
    if goal.pk not in links:
        links[goal.pk] = reverse("plan:goal", args=[goal.public_id])
    return links[goal.pk]


def notes_for(meeting: Meeting, viewer: User) -> list[MeetingNote]:
    """The shared notes and the viewer's own private ones, never the other side's."""
    return list(
        MeetingNote.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .select_related("author")
        .only("shared", "body", "created_at", *NAMED)
    )
