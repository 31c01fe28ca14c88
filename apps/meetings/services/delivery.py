"""Sending one meeting reminder: claim its row, check it is still wanted, send, record.

At most once, like the check-in reminders: a worker that dies after the mail server took the
message leaves the row `sending`; when its lease runs out the sweep marks it `unknown` and it
is never sent again. A temporary mail-server error puts the row back to `pending` with a later
`next_attempt_at`; the sweep queues it again when that time has come.

Still wanted means, at the moment of sending: the person's account is active, they have not
switched meeting reminders off, the mentorship is still running, the meeting has not moved
since the claim (its version) and has not begun.
"""

from datetime import datetime

from django.db import transaction
from django.utils.timezone import now as timezone_now

from apps.meetings import emails
from apps.meetings.models import DeliveryStatus, MeetingMail, MeetingReminder
from apps.meetings.services.stop_links import stop_url
from apps.notifications.outbox import LEASE, MAX_ATTEMPTS, backoff, send_message


def _wanted(reminder: MeetingReminder, now: datetime) -> bool:
    meeting, person = reminder.meeting, reminder.recipient
    if not person.is_active or not meeting.mentorship.is_active:
        return False
    if meeting.version != reminder.meeting_version or meeting.starts_at <= now:
        return False
    prefs = MeetingMail.objects.filter(owner=person).first()
    return prefs is None or prefs.reminders


def _claim(reminder_id: int, now: datetime) -> MeetingReminder | None:
    with transaction.atomic():
        reminder = (
            MeetingReminder.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related(
                "recipient", "meeting__mentorship__planner", "meeting__mentorship__mentor"
            )
            .filter(pk=reminder_id, status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
            .first()
        )
        if reminder is None:
            return None
        if not _wanted(reminder, now):
            reminder.status = DeliveryStatus.SKIPPED
            reminder.save(update_fields=["status"])
            return None
        reminder.status = DeliveryStatus.SENDING
        reminder.attempts += 1
        reminder.lease_expires_at = now + LEASE
        reminder.save(update_fields=["status", "attempts", "lease_expires_at"])
        return reminder


def _finish(reminder: MeetingReminder, status: str, **changes: object) -> None:
    """Record the outcome, unless the lease ran out meanwhile and the row is no longer ours."""
    MeetingReminder.objects.filter(pk=reminder.pk, status=DeliveryStatus.SENDING).update(
        status=status, lease_expires_at=None, **changes
    )


def reminder_send(*, reminder_id: int, now: datetime | None = None) -> str:
    """Send one outbox row if it is still pending and wanted; returns its new status."""
    now = now or timezone_now()
    reminder = _claim(reminder_id, now)
    if reminder is None:
        return DeliveryStatus.SKIPPED
    message = emails.reminder_email(reminder, now=now, stop_url=stop_url(user=reminder.recipient))
    error, permanent = send_message(message)
    if error is None:
        _finish(reminder, DeliveryStatus.SENT, sent_at=now, last_error="")
        return DeliveryStatus.SENT
    if permanent or reminder.attempts >= MAX_ATTEMPTS:
        _finish(reminder, DeliveryStatus.FAILED, last_error=error)
        return DeliveryStatus.FAILED
    retry_at = now + backoff(reminder.attempts)
    _finish(
        reminder, DeliveryStatus.PENDING, last_error=error, next_attempt_at=retry_at, queued_at=None
    )
    return DeliveryStatus.PENDING
