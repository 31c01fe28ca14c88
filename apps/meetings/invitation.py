"""The .ics file attached to each meeting reminder: one event, its UID stable per meeting."""

from icalendar import Calendar

from apps.accounts.models import User
from apps.meetings.hooks import meeting_event
from apps.meetings.models import Meeting

PRODID = "-//careerplan//meetings//EN"


def meeting_ics(meeting: Meeting, viewer: User) -> bytes:
    # PUBLISH, not REQUEST: the file adds the meeting to a calendar without asking for an
    # answer that nobody would receive.
    calendar = Calendar.new(prodid=PRODID, subcomponents=[meeting_event(meeting, viewer)])
    calendar.add("method", "PUBLISH")
    return calendar.to_ical()
