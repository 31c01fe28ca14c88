"""Failed notification emails and daily digests, as the staff console's failed-mail list sees
them. Only the kind is shown, never a notification's words: those are the planner's."""

from django.db.models import QuerySet

from apps.accounts.models import User
from apps.core.outboxes import FailedMail, back_to_pending, locked_failed, register_outbox
from apps.notifications.models import DeliveryStatus, DigestDelivery, MailState, Notification

EMAILS, DIGESTS = "notification-emails", "notification-digests"


def failed_emails() -> QuerySet[Notification]:
    return (
        Notification.objects.filter(mail_state=MailState.FAILED)
        .select_related("recipient")
        .only("kind", "attempts", "created_at", "last_error", "recipient__email")
        .order_by("-created_at", "-pk")
    )


def failed_digests() -> QuerySet[DigestDelivery]:
    return (
        DigestDelivery.objects.filter(status=DeliveryStatus.FAILED)
        .select_related("user")
        .only("day", "attempts", "created_at", "last_error", "user__email")
        .order_by("-created_at", "-pk")
    )


def describe_email(notification: Notification) -> FailedMail:
    return FailedMail(
        outbox=EMAILS,
        row_id=notification.pk,
        recipient=notification.recipient.email,
        what="Notification email",
        when=notification.created_at,
        attempts=notification.attempts,
        error=notification.last_error,
    )


def describe_digest(digest: DigestDelivery) -> FailedMail:
    return FailedMail(
        outbox=DIGESTS,
        row_id=digest.pk,
        recipient=digest.user.email,
        what=f"Daily digest of {digest.day}",
        when=digest.created_at,
        attempts=digest.attempts,
        error=digest.last_error,
    )


def retry_email(row_id: int) -> User:
    """Back to pending with a fresh count of attempts, as a temporary failure leaves it: the
    next sweep queues it and the send checks again that it is still wanted."""
    notification = locked_failed(
        Notification.objects.filter(mail_state=MailState.FAILED),
        row_id,
        person="recipient",
        gone="That notification email is not failed any more; nothing to retry.",
    )
    back_to_pending(notification, mail_state=MailState.PENDING)
    return notification.recipient


def retry_digest(row_id: int) -> User:
    digest = locked_failed(
        DigestDelivery.objects.filter(status=DeliveryStatus.FAILED),
        row_id,
        person="user",
        gone="That digest is not failed any more; nothing to retry.",
    )
    back_to_pending(digest, status=DeliveryStatus.PENDING)
    return digest.user


def register() -> None:
    register_outbox(
        EMAILS,
        label="Notification emails",
        failed=failed_emails,
        describe=describe_email,
        retry=retry_email,
        count=lambda: Notification.objects.filter(mail_state=MailState.FAILED).count(),
    )
    register_outbox(
        DIGESTS,
        label="Daily digests",
        failed=failed_digests,
        describe=describe_digest,
        retry=retry_digest,
        count=lambda: DigestDelivery.objects.filter(status=DeliveryStatus.FAILED).count(),
    )
