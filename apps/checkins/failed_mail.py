"""Failed check-in and weekly reminders, as the staff console's failed-mail list sees them."""

from django.db.models import QuerySet

from apps.accounts.models import User
from apps.checkins.models import DeliveryStatus, ReminderDelivery
from apps.checkins.services.delivery import delivery_retry
from apps.core.outboxes import FailedMail, locked_failed, register_outbox

NAME = "checkin-reminders"


def failed() -> QuerySet[ReminderDelivery]:
    return (
        ReminderDelivery.objects.filter(status=DeliveryStatus.FAILED)
        .select_related("user")
        .only("kind", "attempts", "due_at", "last_error", "user__email")
        .order_by("-due_at", "-pk")
    )


def count() -> int:
    return ReminderDelivery.objects.filter(status=DeliveryStatus.FAILED).count()


def describe(delivery: ReminderDelivery) -> FailedMail:
    return FailedMail(
        outbox=NAME,
        row_id=delivery.pk,
        recipient=delivery.user.email,
        what=delivery.get_kind_display(),
        when=delivery.due_at,
        attempts=delivery.attempts,
        error=delivery.last_error,
    )


def retry(row_id: int) -> User:
    delivery = locked_failed(
        ReminderDelivery.objects.filter(status=DeliveryStatus.FAILED),
        row_id,
        person="user",
        gone="That reminder is not failed any more; nothing to retry.",
    )
    delivery_retry(delivery=delivery)
    return delivery.user


def register() -> None:
    register_outbox(
        NAME, label="Check-in reminders", failed=failed, describe=describe, retry=retry, count=count
    )
