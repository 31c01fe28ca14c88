"""Notifications about requests: a new one tells the mentor; the answer, and a week without
one, tell the planner. Summaries are names and fixed words only, never the message."""

from django.urls import reverse

from apps.directory.models import MentorRequest, RequestStatus
from apps.notifications.registry import Described
from apps.notifications.services import notify

NEW = "mentor_request"
ANSWER = "mentor_request_answer"
WAITING = "mentor_request_waiting"
KINDS = (NEW, ANSWER, WAITING)
RELATED = ("planner", "mentor")


def request_notify(request: MentorRequest) -> None:
    notify(recipient=request.mentor, kind=NEW, target=request, actor=request.planner)


def answer_notify(request: MentorRequest) -> None:
    # The answer email (emails.send_answer) carries the mentor's note; this one stays in the app.
    notify(
        recipient=request.planner, kind=ANSWER, target=request, actor=request.mentor, emailed=True
    )


def waiting_notify(request: MentorRequest) -> None:
    notify(recipient=request.planner, kind=WAITING, target=request)


def describe(notification) -> Described | None:
    request: MentorRequest = notification.target
    planner, mentor = request.planner.get_full_name(), request.mentor.get_full_name()
    sent = reverse("directory:requests")
    if notification.kind == NEW:
        page = reverse("directory:request", args=[request.public_id])
        return Described(summary=f"{planner} asks you to mentor them", url=page, label="Request")
    if notification.kind == WAITING:
        return Described(
            summary=f"{mentor} has not answered your request for a week; we reminded them once",
            url=sent,
            label="Request",
        )
    if request.status == RequestStatus.ACCEPTED:
        return Described(
            summary=f"{mentor} accepted your request and now mentors you",
            url=reverse("mentorship:home"),
            label="Request",
        )
    return Described(summary=f"{mentor} declined your request", url=sent, label="Request")
