"""A planner's reminder settings: the check-in schedule and the milestone digest switch.

Every save moves the stored next occurrence (`next_due_at`, `next_digest_at`) on, so that the
sweep only ever reads an index; a schedule edit also bumps its `version`, which makes a
reminder claimed under the old rule go unsent.
"""

from datetime import datetime, time

from django.db import transaction

# Aliased: `timezone` is a field name that services take as an argument.
from django.utils.timezone import now as timezone_now

from apps.accounts.models import User
from apps.checkins.access import notifications_of, schedule_of
from apps.checkins.models import (
    CheckinSchedule,
    DeliveryKind,
    DeliveryStatus,
    NotificationSettings,
    ReminderDelivery,
)
from apps.checkins.occurrences import local_date


def schedule_for(*, user: User) -> CheckinSchedule:
    """The planner's schedule. Reminders are opt-in: until the planner saves one, this is an
    unsaved suggestion (weekly, Monday 08:30, their time zone) and no email goes out."""
    schedule = schedule_of(user)
    if schedule is not None:
        return schedule
    today = local_date(user.timezone, timezone_now())
    return CheckinSchedule(owner=user, timezone=user.timezone, anchor=today)


def notifications_for(*, user: User) -> NotificationSettings:
    """The planner's settings; an unsaved default when they never changed them."""
    return notifications_of(user) or NotificationSettings(owner=user)


@transaction.atomic
def schedule_save(
    *,
    user: User,
    frequency: str,
    timezone: str,
    weekday: int = 0,
    day_of_month: int = 1,
    local_time: time = time(8, 30),
    paused: bool = False,
    now: datetime | None = None,
) -> CheckinSchedule:
    now = now or timezone_now()
    schedule, created = CheckinSchedule.objects.select_for_update().get_or_create(
        owner=user, defaults={"timezone": timezone, "anchor": now.date()}
    )
    schedule.frequency = frequency
    schedule.timezone = timezone
    schedule.weekday = weekday
    schedule.day_of_month = day_of_month
    schedule.local_time = local_time
    schedule.paused = paused
    if not created:
        schedule.version += 1
    # "Every two weeks" and "every quarter" count from the week and month of the last edit.
    schedule.anchor = local_date(schedule.timezone, now)
    schedule.full_clean()
    schedule.set_next_due(now)
    schedule.save()
    return schedule


def schedule_pause(*, schedule: CheckinSchedule, paused: bool = True) -> CheckinSchedule:
    with transaction.atomic():
        schedule = CheckinSchedule.objects.select_for_update().get(pk=schedule.pk)
        schedule.paused = paused
        schedule.version += 1
        schedule.set_next_due(timezone_now())
        schedule.save()
    return schedule


@transaction.atomic
def notifications_save(
    *, user: User, milestone_reminders: bool, now: datetime | None = None
) -> NotificationSettings:
    now = now or timezone_now()
    prefs = NotificationSettings.objects.select_for_update().get_or_create(owner=user)[0]
    prefs.milestone_reminders = milestone_reminders
    prefs.set_next_digest(user.timezone, now)
    prefs.save()
    return prefs


@transaction.atomic
def reminders_save(
    *,
    user: User,
    frequency: str,
    timezone: str,
    weekday: int,
    day_of_month: int,
    local_time: time,
    paused: bool,
    milestone_reminders: bool,
    now: datetime | None = None,
) -> CheckinSchedule:
    """The reminder settings page in one go: both rows are saved, or neither is."""
    notifications_save(user=user, milestone_reminders=milestone_reminders, now=now)
    return schedule_save(
        user=user,
        frequency=frequency,
        timezone=timezone,
        weekday=weekday,
        day_of_month=day_of_month,
        local_time=local_time,
        paused=paused,
        now=now,
    )


@transaction.atomic
def schedule_checked_in(*, user: User, now: datetime) -> None:
    """A check-in was finished at `now`: the reminder it answers is not sent.

    A check-in answers the occurrence it is nearest to: one finished in the half period before
    the next reminder (or after it fell due but before it went out) counts for that reminder,
    so the schedule moves on to the one after; a check-in soon after a reminder answers that
    reminder. Moving `next_due_at` here keeps the sweep a pure index read. A reminder already
    claimed but not yet sent is dropped too.
    """
    ReminderDelivery.objects.filter(
        user=user, kind=DeliveryKind.CHECKIN, status=DeliveryStatus.PENDING, due_at__lte=now
    ).update(status=DeliveryStatus.SKIPPED)
    schedule = CheckinSchedule.objects.select_for_update().filter(owner=user).first()
    if schedule is None or schedule.paused or schedule.next_due_at is None:
        return
    due = schedule.next_due_at
    half = (schedule.next_after(due).at - due) / 2
    if now >= due - half:
        schedule.set_next_due(max(now, due))
        schedule.save(update_fields=["next_due_at", "next_due_key", "updated_at"])
