"""Setting a mentorship's meetings: the recurring rhythm, one-off meetings, stopping the rhythm.

A series keeps its next `AHEAD` occurrences as `Meeting` rows, so each has a page, an agenda
and a stable calendar identity. Changing the rhythm moves those rows onto the new times in
order (the n-th coming meeting takes the n-th new time) instead of deleting them, so nothing
already put on an agenda is lost; each moved meeting gets a new version, which drops a
reminder claimed for its old time and tells calendar apps to move the event.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.timezone import now as timezone_now

from apps.accounts.models import User
from apps.checkins.occurrences import to_utc
from apps.meetings import announce
from apps.meetings.models import Frequency, Meeting, MeetingSeries
from apps.mentorship.models import Mentorship

AHEAD = 4
# A one-off meeting further out than this is more likely a typo than a plan.
FURTHEST = timedelta(days=366)


def _lock(mentorship: Mentorship) -> Mentorship:
    """Lock the mentorship row: two people saving the rhythm at once take turns. A mentorship
    that ended meanwhile refuses."""
    locked = Mentorship.objects.select_for_update().filter(pk=mentorship.pk).active().first()
    if locked is None:
        raise ValidationError("This mentorship has ended, so it has no meetings any more.")
    return locked


def _retime(meeting: Meeting, at: datetime, *, series: MeetingSeries) -> None:
    """Move a coming meeting to `at`. Only a real move re-arms its reminder: a reminder
    already claimed for the same time must not be claimed again."""
    meeting.timezone, meeting.set_by_id = series.timezone, series.set_by_id
    if meeting.starts_at == at and meeting.duration == series.duration:
        return
    meeting.version += 1
    meeting.starts_at, meeting.duration = at, series.duration
    meeting.arm_reminder()


def series_top_up(*, series: MeetingSeries, now: datetime) -> list[Meeting]:
    """Make sure the next `AHEAD` occurrences exist as meetings (called under the lock)."""
    coming = list(series.meetings.filter(starts_at__gt=now).order_by("starts_at"))
    times = series.upcoming(now, AHEAD)
    created = []
    for index, occurrence in enumerate(times):
        if index < len(coming):
            _retime(coming[index], occurrence.at, series=series)
            continue
        meeting = Meeting(
            mentorship_id=series.mentorship_id,
            series=series,
            starts_at=occurrence.at,
            duration=series.duration,
            timezone=series.timezone,
            set_by_id=series.set_by_id,
        )
        meeting.arm_reminder()
        created.append(meeting)
    if coming:
        Meeting.objects.bulk_update(
            coming[: len(times)],
            ["starts_at", "duration", "timezone", "set_by", "version", "remind_at"],
        )
    Meeting.objects.bulk_create(created)
    return created


def series_save(
    *,
    mentorship: Mentorship,
    by: User,
    frequency: str,
    local_time: time,
    timezone: str,
    weekday: int = 0,
    day_of_month: int = 1,
    duration: int = 45,
    now: datetime | None = None,
) -> MeetingSeries:
    """Set or change the rhythm of `mentorship`'s meetings, on `by`'s wall clock in `timezone`."""
    now = now or timezone_now()
    Frequency(frequency)
    with transaction.atomic():
        locked = _lock(mentorship)
        local_today = now.astimezone(ZoneInfo(timezone)).date()
        series, _ = MeetingSeries.objects.update_or_create(
            mentorship=locked,
            defaults={
                "frequency": frequency,
                "weekday": weekday,
                "day_of_month": day_of_month,
                "local_time": local_time,
                "timezone": timezone,
                "anchor": local_today,
                "duration": duration,
                "set_by": by,
            },
        )
        series.full_clean(exclude=["mentorship"])
        series_top_up(series=series, now=now)
        first = series.meetings.filter(starts_at__gt=now).order_by("starts_at").first()
        if first is not None:
            announce.meeting_set(meeting=first, by=by)
    return series


def series_stop(*, mentorship: Mentorship, by: User, now: datetime | None = None) -> int:
    """Stop the rhythm. Coming meetings nobody has added to go; the others stay as one-off
    meetings, so an agenda item is never lost. Returns how many were kept."""
    now = now or timezone_now()
    with transaction.atomic():
        locked = _lock(mentorship)
        series = MeetingSeries.objects.filter(mentorship=locked).first()
        if series is None:
            return 0
        coming = series.meetings.filter(starts_at__gt=now)
        coming.filter(agenda_items=None, notes=None).delete()
        kept = coming.update(series=None)
        series.delete()
    return kept


def _one_off_problem(starts_at: datetime, now: datetime) -> str | None:
    if starts_at <= now:
        return "Pick a time that is still to come."
    if starts_at > now + FURTHEST:
        return "Pick a time within the next year."
    return None


def meeting_add(
    *,
    mentorship: Mentorship,
    by: User,
    day: date,
    local_time: time,
    timezone: str,
    duration: int = 45,
    now: datetime | None = None,
) -> Meeting:
    """A one-off meeting at `day` `local_time` on `by`'s wall clock in `timezone`."""
    now = now or timezone_now()
    starts_at = to_utc(day, local_time, ZoneInfo(timezone))
    problem = _one_off_problem(starts_at, now)
    if problem:
        raise ValidationError({"day": problem})
    with transaction.atomic():
        locked = _lock(mentorship)
        meeting = Meeting(
            mentorship=locked,
            starts_at=starts_at,
            duration=duration,
            timezone=timezone,
            set_by=by,
        )
        meeting.arm_reminder()
        meeting.full_clean(exclude=["mentorship", "series", "set_by"])
        meeting.save()
        announce.meeting_set(meeting=meeting, by=by)
    return meeting
