from celery import shared_task

from apps.checkins import services


@shared_task
def dispatch_due_reminders() -> dict:
    """The minute sweep: claim due schedules, write the outbox, queue the sends."""
    result = services.dispatch_due_reminders()
    return {"created": result.created, "queued": result.queued, "expired": result.expired}


@shared_task
def send_reminder(delivery_id: int) -> str:
    # Retries are held in the outbox (see services), so this task never retries itself.
    return services.delivery_send(delivery_id=delivery_id)
