"""Sending one outbox row: claim it, check it is still wanted, send, record the outcome.

Delivery is at most once: a worker that dies after the mail server accepted a message but
before "sent" was recorded leaves the row `sending`; when its lease expires the sweep marks it
`unknown` and it is not sent again. A duplicate reminder is worse than a missed one here,
because the next one is at most a period away.

Retries live in the outbox, not in Celery countdowns (which must stay below the broker's
visibility timeout): a temporary failure puts the row back to `pending` with a later
`next_attempt_at`, and the sweep queues it again when that time has come.
"""

import smtplib
from datetime import datetime, timedelta

from django.db import transaction
from django.utils.timezone import now as timezone_now

from apps.checkins import emails
from apps.checkins.access import notifications_of, schedule_of
from apps.checkins.models import DeliveryKind, DeliveryStatus, ReminderDelivery
from apps.checkins.services.pause_links import pause_url

# How long a worker may hold a row in "sending" before we assume it died.
LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 5
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
        prefs = notifications_of(user)
        return bool(prefs and prefs.milestone_reminders)
    schedule = schedule_of(user)
    return bool(schedule and not schedule.paused and schedule.version == delivery.schedule_version)


def _finish(
    delivery: ReminderDelivery,
    status: str,
    *,
    error: str | None = None,
    sent_at: datetime | None = None,
    retry_at: datetime | None = None,
) -> None:
    """Record the outcome, unless the lease ran out meanwhile and the row is no longer ours."""
    changes: dict[str, object] = {"status": status, "lease_expires_at": None}
    if error is not None:
        changes["last_error"] = error
    if sent_at is not None:
        changes["sent_at"] = sent_at
    if retry_at is not None:
        changes.update(next_attempt_at=retry_at, queued_at=None)
    ReminderDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.SENDING).update(**changes)


def delivery_send(*, delivery_id: int, now: datetime | None = None) -> str:
    """Send one outbox row if it is still pending and wanted; returns its new status."""
    now = now or timezone_now()
    delivery = _claim_for_sending(delivery_id, now)
    if delivery is None:
        return "skipped"
    stop_url = pause_url(user=delivery.user, kind=delivery.kind)
    message = emails.reminder_email(delivery, stop_url=stop_url)
    if message is None:
        _finish(delivery, DeliveryStatus.SKIPPED)
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
    _finish(delivery, DeliveryStatus.SENT, sent_at=now, error="")
    return DeliveryStatus.SENT


def _failed(delivery: ReminderDelivery, now: datetime, error: str, permanent: bool) -> str:
    if permanent or delivery.attempts >= MAX_ATTEMPTS:
        _finish(delivery, DeliveryStatus.FAILED, error=error)
        return DeliveryStatus.FAILED
    retry_at = now + _backoff(delivery.attempts)
    _finish(delivery, DeliveryStatus.PENDING, error=error, retry_at=retry_at)
    return DeliveryStatus.PENDING


def delivery_retry(*, delivery: ReminderDelivery) -> None:
    """Staff retry of a failed row: back to pending, the next sweep queues it."""
    ReminderDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.PENDING, next_attempt_at=timezone_now(), queued_at=None, attempts=0
    )
