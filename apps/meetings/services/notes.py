"""Adding to a meeting: agenda items beforehand, notes afterwards (shared or private)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.models import User
from apps.meetings.models import AgendaItem, Meeting, MeetingNote
from apps.mentorship.models import Mentorship


def _still_running(meeting: Meeting) -> None:
    if not Mentorship.objects.active().filter(pk=meeting.mentorship_id).exists():
        raise ValidationError("This mentorship has ended, so its meetings are closed.")


def agenda_item_add(*, meeting: Meeting, by: User, body: str) -> AgendaItem:
    body = body.strip()
    with transaction.atomic():
        _still_running(meeting)
        item = AgendaItem(meeting=meeting, author=by, body=body)
        item.full_clean(exclude=["meeting", "author"])
        item.save()
    return item


def note_add(*, meeting: Meeting, by: User, body: str, shared: bool) -> MeetingNote:
    """A note after the meeting; a private one is `by`'s alone and goes with their account."""
    body = body.strip()
    with transaction.atomic():
        _still_running(meeting)
        note = MeetingNote(
            meeting=meeting, author=by, body=body, shared=shared, note_of=None if shared else by
        )
        note.full_clean(exclude=["meeting", "author", "note_of"])
        note.save()
    return note
