from celery import shared_task

from apps.mentorship.services import mentorships_end_due


@shared_task
def end_due_mentorships() -> None:
    mentorships_end_due()
