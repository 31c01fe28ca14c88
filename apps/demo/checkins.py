"""The demo planner's check-ins: a reminder that arrives minutes after `make run` starts, and
two past check-ins, so that the history page, the streak and the charts have something to show.

Built through the services, like the demo plan; only the past check-ins' own creation times
are moved back afterwards, so that they read as if they were made on the days they were done.
"""

import zoneinfo
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.checkins.models import CheckIn, CheckinSchedule, Frequency
from apps.checkins.services.checkins import checkin_complete, checkin_save, checkin_start
from apps.checkins.services.schedules import schedule_save

# How soon after seeding the first reminder is due: long enough for beat and the worker to be
# up, short enough to watch it arrive.
FIRST_REMINDER_IN = timedelta(minutes=3)

PAST_CHECKINS = (
    # days ago, what went well, what got in the way, next steps, confidence
    (
        14,
        "Wrote down what I want to learn",
        "Release week ate two evenings.",
        "Send the talk proposal.",
        3,
    ),
    (
        7,
        "Booked a lunch slot to rehearse my talk",
        "Skipped the Tuesday module again.",
        "Watch module 4 at lunch on Tuesday.",
        4,
    ),
)


def _first_reminder(now: datetime, zone: zoneinfo.ZoneInfo) -> datetime:
    """`FIRST_REMINDER_IN` from now, rounded up to the next whole minute, on the local clock."""
    local = (now + FIRST_REMINDER_IN).astimezone(zone)
    whole = local.replace(second=0, microsecond=0)
    return whole if whole == local else whole + timedelta(minutes=1)


@transaction.atomic
def build_demo_checkins(user: User, *, now: datetime | None = None) -> CheckinSchedule:
    """A weekly schedule whose first reminder is due in a few minutes, and two past check-ins
    a week apart (a streak of two). Call once, after the demo plan exists."""
    now = now or timezone.now()
    zone = zoneinfo.ZoneInfo(user.timezone)
    first = _first_reminder(now, zone)
    schedule = schedule_save(
        user=user,
        frequency=Frequency.WEEKLY,
        timezone=user.timezone,
        weekday=first.weekday(),
        local_time=first.time(),
        now=now,
    )
    with timezone.override(zone):
        for days_ago, went_well, challenges, next_steps, confidence in PAST_CHECKINS:
            done_at = datetime.combine(
                now.astimezone(zone).date() - timedelta(days=days_ago), time(18, 30), tzinfo=zone
            )
            checkin = checkin_save(
                checkin=checkin_start(user=user),
                went_well=went_well,
                challenges=challenges,
                next_steps=next_steps,
                confidence=confidence,
                note="",
                updates=[],
            )
            checkin_complete(checkin=checkin, now=done_at)
            # Demo data only: the review was made on the day it was finished.
            CheckIn.objects.filter(pk=checkin.pk).update(
                created_at=done_at - timedelta(minutes=10), updated_at=done_at
            )
    return schedule
