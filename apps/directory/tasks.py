from celery import shared_task

from apps.directory import services


@shared_task
def remind_unanswered_requests() -> int:
    """Beat, hourly: the claim in the service makes a second or concurrent run a no-op."""
    return services.requests_remind_due()
