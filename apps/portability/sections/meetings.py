"""The meetings of the planner's mentorships, running or ended, for their records: each
mentorship's rhythm, every meeting's time, its agenda and its notes.

The notes are the shared ones, whoever wrote them, and the planner's own private notes. The
other person's private notes are theirs alone: `MeetingNote.objects.owned_by` reaches every
note of the planner's meetings, so the section narrows it to what the planner may read. An
import does not bring meetings back: like the mentorship they belong to, they need the other
person again.
"""

from typing import Any

from django.db.models import Prefetch, Q

from apps.accounts.models import User
from apps.meetings.models import AgendaItem, Meeting, MeetingNote, MeetingSeries
from apps.portability.encoding import dump
from apps.portability.people import name_of
from apps.portability.registry import Section, register
from apps.portability.sections.rows import entry, ordered

SERIES = ("frequency", "weekday", "day_of_month", "local_time", "timezone", "anchor", "duration")
MEETING = ("starts_at", "duration", "timezone")
NOTE = ("shared", "body")


def _who(author: User | None, user: User) -> str:
    if author is None:
        return "A past participant"
    return "You" if author.pk == user.pk else name_of(author)


def dump_meetings(user: User) -> dict[str, Any]:
    series = (
        MeetingSeries.objects.owned_by(user)
        .select_related("mentorship")
        .order_by("mentorship__created_at", "id")
    )
    readable = Q(shared=True) | Q(note_of=user)
    notes = MeetingNote.objects.filter(readable).select_related("author")
    meetings = (
        Meeting.objects.owned_by(user)
        .select_related("mentorship")
        .prefetch_related(
            Prefetch("agenda_items", ordered(AgendaItem.objects.select_related("author"))),
            Prefetch("notes", ordered(notes)),
        )
        .order_by("starts_at", "id")
    )
    return {
        "series": [{"mentorship": str(s.mentorship.public_id), **dump(s, SERIES)} for s in series],
        "meetings": [
            entry(
                m,
                MEETING,
                mentorship=str(m.mentorship.public_id),
                agenda=[
                    entry(i, ("body",), author=_who(i.author, user)) for i in m.agenda_items.all()
                ],
                notes=[entry(n, NOTE, author=_who(n.author, user)) for n in m.notes.all()],
            )
            for m in meetings
        ],
    }


register(Section(key="meetings", order=70, dump=dump_meetings))
