from celery import shared_task

from apps.meetings.services import delivery, sweep


@shared_task
def sweep_meeting_reminders() -> dict[str, int]:
    """Every minute: write the meeting reminders that are due and re-queue lost or retried ones."""
    result = sweep.meeting_reminder_sweep()
    return {"created": result.created, "queued": result.queued, "expired": result.expired}


@shared_task
def send_meeting_reminder(reminder_id: int) -> str:
    """Send one reminder. Retries live in the outbox row (see delivery), not in Celery."""
    return delivery.reminder_send(reminder_id=reminder_id)
