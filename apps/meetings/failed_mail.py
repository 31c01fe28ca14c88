"""Failed meeting reminders, as the staff console's failed-mail list sees them: who and when,
never the meeting's agenda or notes."""

from django.db.models import QuerySet

from apps.accounts.models import User
from apps.core.outboxes import FailedMail, back_to_pending, locked_failed, register_outbox
from apps.meetings.models import DeliveryStatus, MeetingReminder

NAME = "meeting-reminders"


def failed() -> QuerySet[MeetingReminder]:
    return (
        MeetingReminder.objects.filter(status=DeliveryStatus.FAILED)
        .select_related("recipient")
        .only("attempts", "created_at", "last_error", "recipient__email")
        .order_by("-created_at", "-pk")
    )


def describe(reminder: MeetingReminder) -> FailedMail:
    return FailedMail(
        outbox=NAME,
        row_id=reminder.pk,
        recipient=reminder.recipient.email,
        what="Meeting reminder",
        when=reminder.created_at,
        attempts=reminder.attempts,
        error=reminder.last_error,
    )


def retry(row_id: int) -> User:
    """Back to pending as a temporary failure leaves it; the send still skips a reminder for a
    meeting that has moved or begun meanwhile."""
    reminder = locked_failed(
        MeetingReminder.objects.filter(status=DeliveryStatus.FAILED),
        row_id,
        person="recipient",
        gone="That meeting reminder is not failed any more; nothing to retry.",
    )
    back_to_pending(reminder, status=DeliveryStatus.PENDING)
    return reminder.recipient


def register() -> None:
    register_outbox(
        NAME,
        label="Meeting reminders",
        failed=failed,
        describe=describe,
        retry=retry,
        count=lambda: MeetingReminder.objects.filter(status=DeliveryStatus.FAILED).count(),
    )
