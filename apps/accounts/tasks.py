from celery import shared_task
from django.core.management import call_command

from apps.accounts.services import email_deliver


@shared_task(
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_backoff_max=600,
    max_retries=5,
)
def send_email(payload: dict) -> None:
    """Send one account email; a mail server that is down is retried with backoff."""
    email_deliver(payload)


@shared_task
def clear_expired_sessions() -> None:
    call_command("clearsessions")
