"""What a meeting's page shows: the agenda built for it and the notes, in a fixed number of
queries whatever their size.

The agenda is the same for both people, built from what the mentor may read: the planner's
latest check-in (only when check-ins are shared with this mentor), the open milestones of the
shared goals due by a week after the meeting, and the shared comments still waiting for an
answer, together with what either of them added.

Each line is worked out here once, as plain text and links, from the columns it shows (no
model rows): every lookup and filter in a line's template costs on every line.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple, cast

from django.db.models import Exists, OuterRef
from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from apps.accounts.models import User
from apps.checkins.models import CheckIn
from apps.core.dates import exact_date, moment_writer
from apps.core.templatetags.plan_tags import link
from apps.meetings.models import Meeting, MeetingNote
from apps.mentorship.models import Comment, CommentKind
from apps.milestones.models import Milestone

DUE_WITHIN = timedelta(days=7)
SHOWN = 50
# The columns the page shows of a person named on it (`get_full_name`).
NAMED = ("author_id", "author__display_name", "author__email")


class DueMilestone(NamedTuple):
    title: str
    goal_title: str
    goal_url: str
    due_iso: str
    due_text: str
    overdue: bool


class OpenComment(NamedTuple):
    url: str
    text: str  # the start of it
    who: str


class AddedItem(NamedTuple):
    body: str
    who: str


class Note(NamedTuple):
    shared: bool
    who: str
    at_iso: str
    at_text: str
    body: SafeString  # with its line breaks


@dataclass
class Agenda:
    checkin: CheckIn | None = None
    checkins_shared: bool = False
    milestones: list[DueMilestone] = field(default_factory=list)
    comments: list[OpenComment] = field(default_factory=list)
    items: list[AddedItem] = field(default_factory=list)


def build_agenda(meeting: Meeting, viewer: User) -> Agenda:
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
    agenda.milestones = _milestones(meeting, mentor, planner)
    agenda.comments = _open_comments(mentor, planner)
    items = meeting.agenda_items.values_list("body", *NAMED)
    agenda.items = [AddedItem(body, _who(viewer, *person)) for body, *person in items]
    return agenda


def _milestones(meeting: Meeting, mentor: User, planner: User) -> list[DueMilestone]:
    by_day = (meeting.starts_at + DUE_WITHIN).date()
    rows = (
        Milestone.objects.visible_to(mentor)
        .filter(goal__owner=planner, done_at=None, due_date__lte=by_day)
        .order_by("due_date", "pk")
        .values_list("title", "due_date", "goal__public_id", "goal__title")[:SHOWN]
    )
    today = timezone.localdate()
    found = []
    for title, due_date, goal_id, goal_title in rows:
        due = cast(date, due_date)  # the query kept only milestones with a date
        url = link("plan:goal", goal_id)
        found.append(
            DueMilestone(title, goal_title, url, due.isoformat(), exact_date(due), due < today)
        )
    return found


def _open_comments(mentor: User, planner: User) -> list[OpenComment]:
    replies = Comment.objects.filter(parent=OuterRef("pk"))
    rows = (
        Comment.objects.visible_to(mentor)
        .filter(planner=planner, kind=CommentKind.SHARED, parent=None)
        .filter(~Exists(replies))
        .order_by("-created_at")
        .values_list("body", "goal__public_id", "checkin__public_id", *NAMED)[:SHOWN]
    )
    found = []
    for body, goal_id, checkin_id, author_id, name, email in rows:
        if goal_id is not None:
            url = link("plan:goal", goal_id) + "#conversation"
        elif checkin_id is not None:
            url = link("checkins:detail", checkin_id) + "#conversation"
        else:
            url = ""
        who = (name or email) if author_id is not None else "a past mentor"
        found.append(OpenComment(url, Truncator(body).chars(120), who))
    return found


def notes_for(meeting: Meeting, viewer: User) -> list[Note]:
    """The shared notes and the viewer's own private ones, never the other side's."""
    rows = (
        MeetingNote.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .values_list("shared", "body", "created_at", *NAMED)
    )
    found = []
    written = moment_writer("j M Y, H:i")
    for shared, body, created, *person in rows:
        at_iso, at_text = written(created)
        found.append(Note(shared, _who(viewer, *person), at_iso, at_text, linebreaksbr(body)))
    return found


def _who(viewer: User, author_id: int | None, name: str | None, email: str | None) -> str:
    """Who added an item or wrote a note, as the viewer reads it."""
    if author_id == viewer.pk:
        return "you"
    if author_id is None:
        return "a former member"
    return name or email or ""
