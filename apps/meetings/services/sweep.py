"""The meeting reminder sweep, every minute from beat: claim the meetings whose reminder is
due, write one outbox row per person, commit, and only then queue the sends.

The same guarantees as the check-in reminders (apps/checkins/services/sweep.py): meetings are
claimed with SELECT … FOR UPDATE SKIP LOCKED, so sweeps running at once split the work; the
outbox row is unique per (meeting, person, version), so a second claim writes nothing; the
sends are queued after commit, so a rollback sends nothing and a broker outage leaves rows
pending for the next sweep, which also re-queues lost rows and expires dead leases.

After downtime: a meeting whose reminder time has passed but which is still to come gets its
one reminder, worded from the time of sending ("today at 15:00"); a meeting that has already
started gets none — a reminder after the fact helps nobody.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.db import transaction
from django.utils.timezone import now as timezone_now

# The accepted cycle: the sweep queues this app's send task, and the task calls the services.
from apps.meetings import tasks
from apps.meetings.models import DeliveryStatus, Meeting, MeetingReminder, MeetingSeries
from apps.meetings.services.schedule import series_top_up

logger = logging.getLogger(__name__)

BATCH = 500
REQUEUE_AFTER = timedelta(minutes=5)


@dataclass
class SweepResult:
    created: int = 0
    queued: int = 0
    expired: int = 0
    too_late: int = 0


def _claim(now: datetime, batch_size: int) -> tuple[int, list[int], int]:
    """Claim due meetings; returns (claimed, new outbox ids, meetings already begun)."""
    due = list(
        Meeting.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("mentorship")
        .filter(remind_at__lte=now)
        .order_by("remind_at")[:batch_size]
    )
    if not due:
        return 0, [], 0
    rows = []
    too_late = 0
    for meeting in due:
        if meeting.starts_at <= now or not meeting.mentorship.is_active:
            too_late += meeting.starts_at <= now
            continue
        for person in (meeting.mentorship.planner_id, meeting.mentorship.mentor_id):
            rows.append(
                MeetingReminder(
                    meeting=meeting,
                    recipient_id=person,
                    meeting_version=meeting.version,
                    next_attempt_at=now,
                    queued_at=now,
                    created_at=now,
                )
            )
    MeetingReminder.objects.bulk_create(rows, ignore_conflicts=True)
    claimed_ids = [meeting.pk for meeting in due]
    Meeting.objects.filter(pk__in=claimed_ids).update(remind_at=None)
    _top_up_series({m.series_id for m in due if m.series_id}, now)
    # ignore_conflicts leaves no keys on the rows: read back the ones this claim wrote.
    created = list(
        MeetingReminder.objects.filter(
            meeting__in=claimed_ids, status=DeliveryStatus.PENDING, created_at=now, sent_at=None
        ).values_list("id", flat=True)
    )
    return len(due), created, too_late


def _top_up_series(series_ids: set[int], now: datetime) -> None:
    """A series keeps its next few meetings: as one is reminded of, the next joins."""
    for series in MeetingSeries.objects.filter(pk__in=series_ids).select_for_update():
        series_top_up(series=series, now=now)


def _recover(now: datetime) -> tuple[list[int], int]:
    with transaction.atomic():
        expired = MeetingReminder.objects.filter(
            status=DeliveryStatus.SENDING, lease_expires_at__lt=now
        ).update(status=DeliveryStatus.UNKNOWN, lease_expires_at=None)
        stale = MeetingReminder.objects.select_for_update(skip_locked=True).filter(
            status=DeliveryStatus.PENDING, next_attempt_at__lte=now
        )
        stale = stale.exclude(queued_at__gt=now - REQUEUE_AFTER)
        ids = list(stale.values_list("id", flat=True)[:BATCH])
        MeetingReminder.objects.filter(id__in=ids).update(queued_at=now)
    return ids, expired


def queue(ids: list[int]) -> None:
    try:
        for reminder_id in ids:
            tasks.send_meeting_reminder.delay(reminder_id)
    except Exception:
        # The broker is down: the rows stay pending and a later sweep queues them again.
        logger.warning("Could not queue %d meeting reminders; the sweep will retry.", len(ids))


def meeting_reminder_sweep(*, now: datetime | None = None, batch_size: int = BATCH) -> SweepResult:
    now = now or timezone_now()
    result = SweepResult()
    while True:
        with transaction.atomic():
            claimed, created, too_late = _claim(now, batch_size)
            transaction.on_commit(partial(queue, created))
        result.created += len(created)
        result.queued += len(created)
        result.too_late += too_late
        if claimed < batch_size:
            break
    ids, result.expired = _recover(now)
    queue(ids)
    result.queued += len(ids)
    return result
