"""Emailing one notification: claim its row, check it is still wanted, send, record.

The same rules as the reminder outbox (apps/checkins/services/delivery.py): at most once — a
worker that dies after the mail server took the message leaves the row `sending`, and when
its lease runs out the sweep marks it `unknown`, never sends it again; temporary mail-server
errors put the row back to `pending` with a later `next_attempt_at`, and the sweep queues it
again when that time has come.
"""

import logging
from datetime import datetime

from django.db import transaction
from django.utils.timezone import now as timezone_now

from apps.notifications import emails, registry, tasks
from apps.notifications.models import EmailChoice, MailState, Notification
from apps.notifications.outbox import LEASE, MAX_ATTEMPTS, backoff, send_message
from apps.notifications.stop_links import stop_url

logger = logging.getLogger(__name__)


def queue_emails(ids: list[int]) -> None:
    """Queue the sends; with the broker down the rows stay pending for the sweep."""
    try:
        for notification_id in ids:
            tasks.send_notification_email.delay(notification_id)
    except Exception:
        logger.warning(
            "Could not queue %d notification emails; the sweep will retry.", len(ids), exc_info=True
        )


def _claim(notification_id: int, now: datetime) -> Notification | None:
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient", "recipient__notification_preference", "actor")
            .filter(pk=notification_id, mail_state=MailState.PENDING, next_attempt_at__lte=now)
            .first()
        )
        if notification is None:
            return None
        state = _unwanted_state(notification)
        if state is not None:
            notification.mail_state = state
            notification.save(update_fields=["mail_state"])
            return None
        notification.mail_state = MailState.SENDING
        notification.attempts += 1
        notification.lease_expires_at = now + LEASE
        notification.save(update_fields=["mail_state", "attempts", "lease_expires_at"])
        return notification


def _unwanted_state(notification: Notification) -> str | None:
    """Where the row goes instead of the mail server, or None to send it."""
    recipient = notification.recipient
    if not recipient.is_active or notification.read_at is not None:
        return MailState.SKIPPED
    prefs = getattr(recipient, "notification_preference", None)
    choice = prefs.email if prefs else EmailChoice.EACH
    if choice == EmailChoice.DIGEST:
        return MailState.DIGEST
    if choice == EmailChoice.NONE:
        return MailState.NONE
    return None


def _finish(notification: Notification, state: str, **changes: object) -> None:
    """Record the outcome, unless the lease ran out meanwhile and the row is no longer ours."""
    Notification.objects.filter(pk=notification.pk, mail_state=MailState.SENDING).update(
        mail_state=state, lease_expires_at=None, **changes
    )


def notification_email_send(*, notification_id: int, now: datetime | None = None) -> str:
    """Email one notification if it is still pending, wanted and visible to its recipient."""
    now = now or timezone_now()
    notification = _claim(notification_id, now)
    if notification is None:
        return MailState.SKIPPED
    # Checked at sending, not at writing: access may have ended since (an ended mentorship).
    shown = registry.describe_all(notification.recipient, [notification])
    if not shown:
        _finish(notification, MailState.SKIPPED)
        return MailState.SKIPPED
    link = stop_url(user=notification.recipient)
    message = emails.notification_email(notification, shown[0][1], stop_url=link)
    error, permanent = send_message(message)
    if error is None:
        _finish(notification, MailState.SENT, emailed_at=now, last_error="")
        return MailState.SENT
    if permanent or notification.attempts >= MAX_ATTEMPTS:
        _finish(notification, MailState.FAILED, last_error=error)
        return MailState.FAILED
    retry_at = now + backoff(notification.attempts)
    _finish(
        notification, MailState.PENDING, last_error=error, next_attempt_at=retry_at, queued_at=None
    )
    return MailState.PENDING
