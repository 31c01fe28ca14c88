from celery import shared_task

from apps.checkins import heartbeat
from apps.checkins.services import delivery, sweep


@shared_task
def dispatch_due_reminders() -> dict:
    """The minute sweep: claim due schedules, write the outbox, queue the sends."""
    result = sweep.dispatch_due_reminders()
    heartbeat.sweep_ran()
    return {"created": result.created, "queued": result.queued, "expired": result.expired}


@shared_task
def send_reminders(delivery_ids: list[int]) -> dict[str, int]:
    """Send a chunk of outbox rows, each claimed on its own. Retries are held in the outbox
    (see services.delivery), so this task never retries itself."""
    outcomes: dict[str, int] = {}
    for delivery_id in delivery_ids:
        status = delivery.delivery_send(delivery_id=delivery_id)
        outcomes[status] = outcomes.get(status, 0) + 1
    return outcomes
