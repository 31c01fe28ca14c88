"""Directory email, rendered from the product's template triples and queued after commit
with the account send task."""

from django.conf import settings
from django.urls import reverse

from apps.accounts.services import email_send
from apps.core.emails import render_email
from apps.directory.models import MentorRequest, RequestStatus


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def send_answer(*, request: MentorRequest) -> None:
    accepted = request.status == RequestStatus.ACCEPTED
    path = reverse("mentorship:home") if accepted else reverse("directory:requests")
    context = {"request": request, "accepted": accepted, "link": _absolute(path)}
    message = render_email("emails/directory-answer", context, to=[request.planner.email])
    email_send(message=message)


def send_reminder(*, request: MentorRequest) -> None:
    link = _absolute(reverse("directory:request", args=[request.public_id]))
    context = {"request": request, "link": link, "profile": _absolute(reverse("directory:profile"))}
    message = render_email("emails/directory-reminder", context, to=[request.mentor.email])
    email_send(message=message)
