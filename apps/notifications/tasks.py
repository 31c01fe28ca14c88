from celery import shared_task

from apps.notifications import delivery, digest, sweep


@shared_task
def send_notification_email(notification_id: int) -> str:
    """Email one notification. Retries live in the row (see delivery), not in Celery."""
    return delivery.notification_email_send(notification_id=notification_id)


@shared_task
def send_digest(digest_id: int) -> str:
    return digest.digest_send(digest_id=digest_id)


@shared_task
def sweep_notification_mail() -> dict[str, int]:
    """Every minute: write the digests that are due and re-queue lost or retried mail."""
    result = sweep.notification_mail_sweep()
    return {"digests": result.digests, "queued": result.queued, "expired": result.expired}
