"""What meetings add to the pages and feeds of the apps below: calendar events, the next
meeting on the mentorship pages, and the words of the "meeting set" notification."""

from datetime import timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connections, router
from django.urls import reverse
from django.utils import timezone
from icalendar import Event

from apps.accounts.models import User
from apps.meetings.announce import KIND
from apps.meetings.models import Meeting
from apps.notifications.registry import Described

RELATED = ("mentorship__planner", "mentorship__mentor")
# The feed shows meetings from a month back: calendar apps keep what they already have.
FEED_PAST = timedelta(days=31)


def meeting_url(meeting: Meeting) -> str:
    return settings.SITE_URL + reverse("meetings:meeting", kwargs={"public_id": meeting.public_id})


def uid(meeting: Meeting) -> str:
    # One per occurrence, stable when it moves: calendar apps update the event in place.
    host = urlsplit(settings.SITE_URL).hostname or "careerplan"
    return f"meeting-{meeting.public_id}@{host}"


def other_party(meeting: Meeting, user: User) -> User:
    mentorship = meeting.mentorship
    return mentorship.mentor if user.pk == mentorship.planner_id else mentorship.planner


def meeting_event(meeting: Meeting, viewer: User) -> Event:
    other = other_party(meeting, viewer)
    link = meeting_url(meeting)
    event = Event.new(
        uid=uid(meeting),
        start=meeting.starts_at,
        end=meeting.ends_at,
        stamp=meeting.updated_at,
        summary=f"Mentoring meeting with {other.get_full_name()}",
        description=f"The agenda and notes are on the meeting's page.\n\n{link}",
        url=link,
    )
    event.add("sequence", meeting.version)
    return event


def feed_events(user: User) -> list[Event]:
    """The meetings of `user`'s running mentorships, on either side, in one query."""
    since = timezone.now() - FEED_PAST
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(starts_at__gte=since)
        .select_related("mentorship__planner", "mentorship__mentor")
    )
    return [meeting_event(meeting, user) for meeting in meetings]


# The first meeting to come of each mentorship. Plain SQL: the dashboard and the Mentees page
# ask for dozens of mentorships at once, and the ORM's DISTINCT ON with one parameter per id
# cost seven times as long as one array parameter and no query to build.
_NEXT_MEETINGS = """
    SELECT DISTINCT ON (mentorship_id) id, public_id, mentorship_id, starts_at
    FROM meetings_meeting
    WHERE mentorship_id = ANY(%(ids)s) AND starts_at > %(now)s
    ORDER BY mentorship_id, starts_at, id
"""
# What the rows show of it (its link and time), in the model's field order for `from_db`.
_NEXT_FIELDS = ("id", "public_id", "mentorship_id", "starts_at")


def next_meetings(mentorship_ids: list[int]) -> dict[int, Meeting]:
    """The next meeting of each mentorship, in one query; each holds only its link and time
    (any other field is read on first use)."""
    alias = router.db_for_read(Meeting)
    with connections[alias].cursor() as cursor:
        cursor.execute(_NEXT_MEETINGS, {"ids": list(mentorship_ids), "now": timezone.now()})
        rows = cursor.fetchall()
    return {row[2]: Meeting.from_db(alias, _NEXT_FIELDS, row) for row in rows}


def describe(notification) -> Described | None:
    meeting: Meeting = notification.target
    actor = notification.actor.get_full_name() if notification.actor else "Your mentorship"
    when = meeting.starts_at.astimezone(ZoneInfo(notification.recipient.timezone))
    url = reverse("meetings:meeting", kwargs={"public_id": meeting.public_id})
    summary = f"{actor} set a meeting for {when:%a %d %b %H:%M}"
    return Described(summary=summary, url=url, label="Meeting")


__all__ = ["KIND", "RELATED", "describe", "feed_events", "next_meetings"]
