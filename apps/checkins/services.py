"""Check-in schedules and the reminder outbox.

The sweep (`dispatch_due_reminders`, every minute from beat) claims due schedules with
SELECT … FOR UPDATE SKIP LOCKED, writes one outbox row per (user, occurrence) — a unique
constraint makes a second claim of the same occurrence a no-op — moves `next_due_at` to the
first occurrence strictly after now (missed periods collapse into one catch-up reminder),
commits, and only then queues one send task per new row. The send task (`delivery_send`)
locks its row, sends only a pending row, and records the outcome.

Delivery is at most once: a worker that dies after the mail server accepted a message but
before "sent" was recorded leaves the row `sending`; when its lease expires the sweep marks it
`unknown` and it is not sent again. A duplicate reminder is worse than a missed one here,
because the next one is at most a period away.
"""

import logging
import smtplib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from django.core import signing
from django.db import connection, transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.checkins.models import (
    CheckinSchedule,
    DeliveryKind,
    DeliveryStatus,
    Frequency,
    ReminderDelivery,
)

logger = logging.getLogger(__name__)

SWEEP_BATCH = 1_000
# A pending row not picked up by a worker this long after queuing was lost from the broker.
REQUEUE_AFTER = timedelta(minutes=5)
# How long a worker may hold a row in "sending" before we assume it died.
LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 5
PAUSE_SALT = "checkins.pause"


# -- schedules --------------------------------------------------------------------------


def schedule_for(*, user: User) -> CheckinSchedule:
    """The planner's schedule, created on first use: weekly, Monday 08:30, their time zone."""
    schedule = CheckinSchedule.objects.filter(owner=user).first()
    if schedule is not None:
        return schedule
    return schedule_save(user=user, frequency=Frequency.WEEKLY, timezone=user.timezone)


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
    schedule.anchor = _local_today(schedule, now)
    schedule.full_clean()
    _advance(schedule, now)
    schedule.save()
    return schedule


def schedule_pause(*, schedule: CheckinSchedule, paused: bool = True) -> CheckinSchedule:
    with transaction.atomic():
        schedule = CheckinSchedule.objects.select_for_update().get(pk=schedule.pk)
        schedule.paused = paused
        schedule.version += 1
        _advance(schedule, timezone_now())
        schedule.save()
    return schedule


def timezone_now() -> datetime:
    return timezone.now()


def _local_today(schedule: CheckinSchedule, now: datetime) -> date:
    return now.astimezone(ZoneInfo(schedule.timezone)).date()


def _advance(schedule: CheckinSchedule, now: datetime) -> None:
    if schedule.paused:
        schedule.next_due_at, schedule.next_due_key = None, ""
        return
    upcoming = schedule.next_after(now)
    schedule.next_due_at, schedule.next_due_key = upcoming.at, upcoming.key


# -- the sweep --------------------------------------------------------------------------


@dataclass
class SweepResult:
    created: int = 0
    queued: int = 0
    expired: int = 0


_INSERT_DELIVERIES = """
    INSERT INTO checkins_reminderdelivery
        (user_id, kind, occurrence_key, due_at, schedule_version, status, attempts,
         next_attempt_at, queued_at, last_error, created_at)
    SELECT u, %s, k, d, v, 'pending', 0, %s, %s, '', %s
    FROM unnest(%s::bigint[], %s::text[], %s::timestamptz[], %s::int[]) AS t(u, k, d, v)
    ON CONFLICT (user_id, kind, occurrence_key) DO NOTHING
    RETURNING id
"""
_ADVANCE_SCHEDULES = """
    UPDATE checkins_checkinschedule AS s
    SET next_due_at = t.at, next_due_key = t.k
    FROM unnest(%s::bigint[], %s::timestamptz[], %s::text[]) AS t(id, at, k)
    WHERE s.id = t.id
"""


def _claim_batch(now: datetime, batch_size: int) -> tuple[int, list[int]]:
    """Claim one batch of due schedules; returns (claimed, ids of new outbox rows)."""
    due = list(
        CheckinSchedule.objects.select_for_update(skip_locked=True)
        .filter(paused=False, next_due_at__lte=now)
        .order_by("next_due_at")
        .only("id", "owner_id", "version", "next_due_at", "next_due_key", *_RULE_FIELDS)[
            :batch_size
        ]
    )
    if not due:
        return 0, []
    upcoming = [schedule.next_after(now) for schedule in due]
    with connection.cursor() as cursor:
        cursor.execute(
            _INSERT_DELIVERIES,
            [
                DeliveryKind.CHECKIN,
                now,
                now,
                now,
                [s.owner_id for s in due],
                [s.next_due_key for s in due],
                [s.next_due_at for s in due],
                [s.version for s in due],
            ],
        )
        created = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            _ADVANCE_SCHEDULES,
            [[s.id for s in due], [o.at for o in upcoming], [o.key for o in upcoming]],
        )
    return len(due), created


_RULE_FIELDS = ("frequency", "weekday", "day_of_month", "local_time", "timezone", "anchor")


def _recover_outbox(now: datetime) -> tuple[list[int], int]:
    """Re-queue pending rows whose task was lost or whose retry is due; expire dead leases."""
    with transaction.atomic():
        expired = ReminderDelivery.objects.filter(
            status=DeliveryStatus.SENDING, lease_expires_at__lt=now
        ).update(status=DeliveryStatus.UNKNOWN, lease_expires_at=None)
        stale = ReminderDelivery.objects.select_for_update(skip_locked=True).filter(
            status=DeliveryStatus.PENDING, next_attempt_at__lte=now
        )
        stale = stale.exclude(queued_at__gt=now - REQUEUE_AFTER)
        ids = list(stale.values_list("id", flat=True)[:SWEEP_BATCH])
        ReminderDelivery.objects.filter(id__in=ids).update(queued_at=now)
    return ids, expired


def _queue(ids: list[int]) -> None:
    from apps.checkins.tasks import send_reminder

    for delivery_id in ids:
        try:
            send_reminder.delay(delivery_id)
        except Exception:
            # The broker is down: the row stays pending and the next sweep queues it again.
            logger.warning("Could not queue reminder %s; the sweep will retry.", delivery_id)
            return


def dispatch_due_reminders(
    *, now: datetime | None = None, batch_size: int = SWEEP_BATCH
) -> SweepResult:
    now = now or timezone_now()
    result = SweepResult()
    while True:
        with transaction.atomic():
            claimed, created = _claim_batch(now, batch_size)
            transaction.on_commit(partial(_queue, created))
        result.created += len(created)
        result.queued += len(created)
        if claimed < batch_size:
            break
    requeue, result.expired = _recover_outbox(now)
    _queue(requeue)
    result.queued += len(requeue)
    return result


def due_schedules(*, now: datetime | None = None) -> list[CheckinSchedule]:
    """Who is due, without changing anything (for `send_due_reminders --dry-run`)."""
    now = now or timezone_now()
    return list(
        CheckinSchedule.objects.filter(paused=False, next_due_at__lte=now)
        .select_related("owner")
        .order_by("next_due_at")
    )


# -- sending ----------------------------------------------------------------------------

TEMPORARY_SMTP_ERRORS = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, OSError)


def _backoff(attempts: int) -> timedelta:
    return timedelta(minutes=2 ** min(attempts, 6))


def _claim_for_sending(delivery_id: int, now: datetime) -> ReminderDelivery | None:
    with transaction.atomic():
        delivery = (
            ReminderDelivery.objects.select_for_update(skip_locked=True)
            .select_related("user")
            .filter(pk=delivery_id, status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
            .first()
        )
        if delivery is None:
            return None
        if not _still_wanted(delivery):
            delivery.status = DeliveryStatus.SKIPPED
            delivery.save(update_fields=["status"])
            return None
        delivery.status = DeliveryStatus.SENDING
        delivery.attempts += 1
        delivery.lease_expires_at = now + LEASE
        delivery.save(update_fields=["status", "attempts", "lease_expires_at"])
        return delivery


def _still_wanted(delivery: ReminderDelivery) -> bool:
    user = delivery.user
    if not user.is_active:
        return False
    if delivery.kind != DeliveryKind.CHECKIN:
        return True
    schedule = CheckinSchedule.objects.filter(owner=user).first()
    return bool(schedule and not schedule.paused and schedule.version == delivery.schedule_version)


def _finish(delivery: ReminderDelivery, **fields) -> None:
    ReminderDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.SENDING).update(
        lease_expires_at=None, **fields
    )


def delivery_send(*, delivery_id: int, now: datetime | None = None) -> str:
    """Send one outbox row if it is still pending and wanted; returns its new status."""
    from apps.checkins.emails import reminder_email

    now = now or timezone_now()
    delivery = _claim_for_sending(delivery_id, now)
    if delivery is None:
        return "skipped"
    try:
        reminder_email(delivery, now=now).send()
    except smtplib.SMTPResponseException as error:
        permanent = error.smtp_code >= 500
        return _failed(delivery, now, f"{error.smtp_code} {error.smtp_error!r}", permanent)
    except smtplib.SMTPRecipientsRefused as error:
        return _failed(delivery, now, f"recipients refused: {error.recipients!r}", True)
    except TEMPORARY_SMTP_ERRORS as error:
        return _failed(delivery, now, f"{type(error).__name__}: {error}", False)
    _finish(delivery, status=DeliveryStatus.SENT, sent_at=now, last_error="")
    return DeliveryStatus.SENT


def _failed(delivery: ReminderDelivery, now: datetime, error: str, permanent: bool) -> str:
    if permanent or delivery.attempts >= MAX_ATTEMPTS:
        _finish(delivery, status=DeliveryStatus.FAILED, last_error=error)
        return DeliveryStatus.FAILED
    # Retries live in the outbox, not in Celery countdowns (which must stay below the broker's
    # visibility timeout): the sweep queues the row again when its time has come.
    _finish(
        delivery,
        status=DeliveryStatus.PENDING,
        next_attempt_at=now + _backoff(delivery.attempts),
        queued_at=None,
        last_error=error,
    )
    return DeliveryStatus.PENDING


def delivery_retry(*, delivery: ReminderDelivery) -> None:
    """Staff retry of a failed row: back to pending, the next sweep queues it."""
    ReminderDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.PENDING, next_attempt_at=timezone_now(), queued_at=None, attempts=0
    )


# -- the one-click pause link -----------------------------------------------------------


def pause_token(*, user: User) -> str:
    return signing.dumps(str(user.public_id), salt=PAUSE_SALT)


def user_for_pause_token(token: str) -> User | None:
    try:
        public_id = signing.loads(token, salt=PAUSE_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(public_id=public_id, is_active=True).first()
