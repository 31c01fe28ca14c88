"""The meeting reminder email, rendered from an outbox row and the stop link it is given.

The time is worded at sending, in the recipient's own time zone ("today at 15:00"), so a
reminder that goes out late after downtime still says the right thing.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.mail import EmailMultiAlternatives
from django.utils.formats import date_format

from apps.core.emails import render_email
from apps.meetings.hooks import meeting_url, other_party
from apps.meetings.invitation import meeting_ics
from apps.meetings.models import MeetingReminder


def when_in_words(starts_at: datetime, now: datetime, zone: str) -> str:
    local = starts_at.astimezone(ZoneInfo(zone))
    today = now.astimezone(ZoneInfo(zone)).date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return f"today at {clock}"
    if local.date() == today + timedelta(days=1):
        return f"tomorrow at {clock}"
    return f"on {date_format(local.date(), 'l j F')} at {clock}"


def reminder_email(
    reminder: MeetingReminder, *, now: datetime, stop_url: str
) -> EmailMultiAlternatives:
    meeting, person = reminder.meeting, reminder.recipient
    other = other_party(meeting, person)
    context = {
        "user": person,
        "other": other,
        "when": when_in_words(meeting.starts_at, now, person.timezone),
        "zone": person.timezone,
        "duration": meeting.duration,
        "meeting_url": meeting_url(meeting),
        "stop_url": stop_url,
    }
    headers = {
        "List-Unsubscribe": f"<{stop_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    message = render_email("emails/meeting_reminder", context, to=[person.email], headers=headers)
    message.attach("meeting.ics", meeting_ics(meeting, person), "text/calendar; method=PUBLISH")
    return message
