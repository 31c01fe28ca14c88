"""The demo meetings: Morgan and Pat meet every two weeks on Thursdays at 12:30 (Berlin), and
met two weeks ago, with a shared note, a private note of each, and an item on the next agenda."""

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from apps.meetings.models import Meeting, MeetingSeries
from apps.meetings.services.notes import agenda_item_add, note_add
from apps.meetings.services.schedule import series_save
from apps.mentorship.models import Mentorship


@transaction.atomic
def build_demo_meetings(*, mentorship: Mentorship) -> MeetingSeries:
    """Once: a second run finds the series and adds nothing."""
    existing = MeetingSeries.objects.filter(mentorship=mentorship).first()
    if existing is not None:
        return existing
    planner, mentor = mentorship.planner, mentorship.mentor
    series = series_save(
        mentorship=mentorship,
        by=mentor,
        frequency="biweekly",
        weekday=3,
        local_time=time(12, 30),
        timezone="Europe/Berlin",
    )
    first = series.meetings.order_by("starts_at").first()
    held = Meeting.objects.create(
        mentorship=mentorship,
        series=series,
        starts_at=(first.starts_at if first else timezone.now()) - timedelta(weeks=2),
        duration=series.duration,
        timezone=series.timezone,
        set_by=mentor,
    )
    note_add(
        meeting=held,
        by=mentor,
        shared=True,
        body="We agreed: Pat drafts the team-lead pitch and asks two peers for feedback first.",
    )
    note_add(
        meeting=held, by=mentor, shared=False, body="Pat sounded unsure about the budget part."
    )
    note_add(meeting=held, by=planner, shared=False, body="Ask Morgan how they handled 1:1s.")
    # Written just after the meeting, as they would have been.
    held.notes.update(created_at=held.ends_at + timedelta(minutes=10))
    if first is not None:
        agenda_item_add(meeting=first, by=planner, body="Feedback on my pitch draft")
    return series
