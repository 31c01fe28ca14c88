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

# Aliased: `timezone` is a field name that services take as an argument.
from django.utils.timezone import now as timezone_now

from apps.accounts.models import User
from apps.checkins import occurrences
from apps.checkins.models import (
    CheckinSchedule,
    DeliveryKind,
    DeliveryStatus,
    NotificationSettings,
    ReminderDelivery,
)

logger = logging.getLogger(__name__)

SWEEP_BATCH = 2_000
# A pending row not picked up by a worker this long after queuing was lost from the broker.
REQUEUE_AFTER = timedelta(minutes=5)
# How long a worker may hold a row in "sending" before we assume it died.
LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 5
SEND_CHUNK = 200
PAUSE_SALT = "checkins.pause"


# -- schedules --------------------------------------------------------------------------


def schedule_for(*, user: User) -> CheckinSchedule:
    """The planner's schedule. Reminders are opt-in: until the planner saves one, this is an
    unsaved suggestion (weekly, Monday 08:30, their time zone) and no email goes out."""
    schedule = CheckinSchedule.objects.filter(owner=user).first()
    if schedule is not None:
        return schedule
    today = _local_date(user.timezone, timezone_now())
    return CheckinSchedule(owner=user, timezone=user.timezone, anchor=today)


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
    schedule.anchor = _local_date(schedule.timezone, now)
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


def _local_date(zone: str, moment: datetime) -> date:
    return moment.astimezone(ZoneInfo(zone)).date()


def _advance(schedule: CheckinSchedule, now: datetime) -> None:
    if schedule.paused:
        schedule.next_due_at, schedule.next_due_key = None, ""
        return
    upcoming = schedule.next_after(now)
    schedule.next_due_at, schedule.next_due_key = upcoming.at, upcoming.key


def notifications_for(*, user: User) -> NotificationSettings:
    """The planner's settings; an unsaved default when they never changed them."""
    return NotificationSettings.objects.filter(owner=user).first() or NotificationSettings(
        owner=user
    )


@transaction.atomic
def notifications_save(
    *, user: User, milestone_reminders: bool, now: datetime | None = None
) -> NotificationSettings:
    now = now or timezone_now()
    prefs = NotificationSettings.objects.select_for_update().get_or_create(owner=user)[0]
    prefs.milestone_reminders = milestone_reminders
    _advance_digest(prefs, user.timezone, now)
    prefs.save()
    return prefs


def _advance_digest(prefs: NotificationSettings, timezone_name: str, now: datetime) -> None:
    if not prefs.milestone_reminders:
        prefs.next_digest_at, prefs.next_digest_key = None, ""
        return
    local_today = _local_date(timezone_name, now)
    upcoming = occurrences.next_occurrence(prefs.digest_rule(timezone_name, local_today), now)
    prefs.next_digest_at, prefs.next_digest_key = upcoming.at, upcoming.key


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
# One round trip: move the schedules on and write the outbox rows.
_ADVANCE_AND_INSERT = """
    WITH advanced AS (
        UPDATE checkins_checkinschedule AS s
        SET next_due_at = t.at, next_due_key = t.k
        FROM unnest(%s::bigint[], %s::timestamptz[], %s::text[]) AS t(id, at, k)
        WHERE s.id = t.id
    )
    INSERT INTO checkins_reminderdelivery
        (user_id, kind, occurrence_key, due_at, schedule_version, status, attempts,
         next_attempt_at, queued_at, last_error, created_at)
    SELECT u, %s, k, d, v, 'pending', 0, %s, %s, '', %s
    FROM unnest(%s::bigint[], %s::text[], %s::timestamptz[], %s::int[]) AS t(u, k, d, v)
    ON CONFLICT (user_id, kind, occurrence_key) DO NOTHING
    RETURNING id
"""


_CLAIM_SCHEDULES = """
    SELECT id, owner_id, version, next_due_at, next_due_key,
           frequency, weekday, day_of_month, local_time, timezone, anchor
    FROM checkins_checkinschedule
    WHERE paused = false AND next_due_at <= %s
    ORDER BY next_due_at
    LIMIT %s
    FOR UPDATE SKIP LOCKED
"""


def _array(values: list) -> str:
    """A PostgreSQL array literal of ids, dates and ISO timestamps (none needs quoting).

    Sent as one text value: psycopg's element-by-element array adaptation was a sixth of the
    sweep's time."""
    return "{" + ",".join(map(str, values)) + "}"


def _rule_key(freq, weekday, day, at, zone, anchor) -> tuple:
    """What decides a schedule's next occurrence: the anchor (the day of the last edit, never
    in the future) only sets the phase of every-two-weeks and quarterly rhythms."""
    phased = freq in (occurrences.BIWEEKLY, occurrences.QUARTERLY)
    return (freq, weekday, day, at, zone, anchor if phased else None)


def _claim_batch(now: datetime, batch_size: int) -> tuple[int, list[int]]:
    """Claim one batch of due schedules; returns (claimed, ids of new outbox rows).

    Plain SQL and tuples rather than model instances: this is the sweep's hot loop."""
    with connection.cursor() as cursor:
        cursor.execute(_CLAIM_SCHEDULES, [now, batch_size])
        due = cursor.fetchall()
        if not due:
            return 0, []
        # Planners share rules ("weekly, Monday, 08:30, Europe/Berlin"): work each out once.
        known: dict[tuple, occurrences.Occurrence] = {}
        upcoming = []
        for row in due:
            rule = _rule_key(*row[5:])
            if rule not in known:
                freq, weekday, day, at, zone, anchor = row[5:]
                known[rule] = occurrences.next_occurrence(
                    occurrences.Rule(
                        frequency=freq,
                        local_time=at,
                        timezone=zone,
                        anchor=anchor,
                        weekday=weekday,
                        day_of_month=day,
                    ),
                    now,
                )
            upcoming.append(known[rule])
        cursor.execute(
            _ADVANCE_AND_INSERT,
            [
                _array([row[0] for row in due]),
                _array([o.at.isoformat() for o in upcoming]),
                _array([o.key for o in upcoming]),
                DeliveryKind.CHECKIN,
                now,
                now,
                now,
                _array([row[1] for row in due]),
                _array([row[4] for row in due]),
                _array([row[3].isoformat() for row in due]),
                _array([row[2] for row in due]),
            ],
        )
        created = [row[0] for row in cursor.fetchall()]
    return len(due), created


def _claim_digests(now: datetime, batch_size: int) -> tuple[int, list[int]]:
    """Claim due milestone digests; write an outbox row only where something is due tomorrow."""
    from apps.goals.models import Status
    from apps.milestones.models import Milestone

    due = list(
        NotificationSettings.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("owner")
        .filter(milestone_reminders=True, next_digest_at__lte=now)
        .order_by("next_digest_at")[:batch_size]
    )
    if not due:
        return 0, []
    tomorrow = {p.owner_id: date.fromisoformat(p.next_digest_key) + timedelta(days=1) for p in due}
    with_deadlines = set(
        Milestone.objects.filter(
            goal__owner_id__in=tomorrow,
            goal__status=Status.ACTIVE,
            done_at=None,
            due_date__in=set(tomorrow.values()),
        ).values_list("goal__owner_id", "due_date")
    )
    wanted = [p for p in due if (p.owner_id, tomorrow[p.owner_id]) in with_deadlines]
    created = []
    if wanted:
        with connection.cursor() as cursor:
            cursor.execute(
                _INSERT_DELIVERIES,
                [
                    DeliveryKind.MILESTONE,
                    now,
                    now,
                    now,
                    [p.owner_id for p in wanted],
                    [p.next_digest_key for p in wanted],
                    [p.next_digest_at for p in wanted],
                    [0 for _ in wanted],
                ],
            )
            created = [row[0] for row in cursor.fetchall()]
    for prefs in due:
        _advance_digest(prefs, prefs.owner.timezone, now)
    NotificationSettings.objects.bulk_update(due, ["next_digest_at", "next_digest_key"])
    return len(due), created


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
    """Queue the sends in small chunks: one broker message per chunk keeps a sweep of a
    hundred thousand reminders fast, and each row is still claimed and sent on its own."""
    from apps.checkins.tasks import send_reminders

    if not ids:
        return
    try:
        with send_reminders.app.producer_or_acquire() as producer:
            for start in range(0, len(ids), SEND_CHUNK):
                chunk = ids[start : start + SEND_CHUNK]
                # A short argsrepr: Celery would otherwise format all the ids for its logs.
                send_reminders.apply_async(
                    (chunk,), producer=producer, argsrepr=f"[{len(chunk)} delivery ids]"
                )
    except Exception:
        # The broker is down: the rows stay pending and a later sweep queues them again.
        logger.warning("Could not queue %d reminders; the sweep will retry.", len(ids))


def dispatch_due_reminders(
    *, now: datetime | None = None, batch_size: int = SWEEP_BATCH
) -> SweepResult:
    now = now or timezone_now()
    result = SweepResult()
    for claim in (_claim_batch, _claim_digests):
        while True:
            with transaction.atomic():
                claimed, created = claim(now, batch_size)
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
    if delivery.kind == DeliveryKind.MILESTONE:
        prefs = NotificationSettings.objects.filter(owner=user).first()
        return bool(prefs and prefs.milestone_reminders)
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
    message = reminder_email(delivery, now=now)
    if message is None:
        _finish(delivery, status=DeliveryStatus.SKIPPED)
        return DeliveryStatus.SKIPPED
    try:
        message.send()
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


def pause_token(*, user: User, kind: str = DeliveryKind.CHECKIN) -> str:
    """A signed, login-free link that switches off one kind of reminder for one person."""
    return signing.dumps({"u": str(user.public_id), "k": kind}, salt=PAUSE_SALT, compress=True)


def read_pause_token(token: str) -> tuple[User, str] | None:
    try:
        payload = signing.loads(token, salt=PAUSE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("k") not in DeliveryKind.values:
        return None
    user = User.objects.filter(public_id=str(payload.get("u")), is_active=True).first()
    return (user, payload["k"]) if user else None


def reminders_switch_off(*, user: User, kind: str) -> None:
    if kind == DeliveryKind.MILESTONE:
        notifications_save(user=user, milestone_reminders=False)
    else:
        schedule = CheckinSchedule.objects.filter(owner=user).first()
        if schedule is not None:
            schedule_pause(schedule=schedule)
