"""Telling the other side that a meeting was set or moved (the notifications app mails it)."""

from apps.accounts.models import User
from apps.meetings.models import Meeting
from apps.notifications.services import notify

KIND = "meeting_set"


def meeting_set(*, meeting: Meeting, by: User) -> None:
    mentorship = meeting.mentorship
    other = mentorship.mentor if by.pk == mentorship.planner_id else mentorship.planner
    notify(recipient=other, kind=KIND, target=meeting, actor=by)
