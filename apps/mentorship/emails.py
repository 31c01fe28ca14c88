"""Mentorship email, rendered from what it is given and queued after commit with the account
send task (`apps.accounts.services.email_send`)."""

from django.conf import settings
from django.urls import reverse

from apps.accounts.models import User
from apps.accounts.services import email_send
from apps.core.emails import render_email
from apps.mentorship.models import Invitation, Mentorship


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def send_invitation(*, invitation: Invitation, raw_token: str) -> None:
    link = _absolute(reverse("mentorship:invitation", args=[raw_token]))
    context = {"invitation": invitation, "planner": invitation.planner, "link": link}
    email_send(message=render_email("emails/mentorship-invitation", context, to=[invitation.email]))


def send_answer(*, invitation: Invitation, accepted: bool, mentor: User) -> None:
    context = {
        "invitation": invitation,
        "accepted": accepted,
        "mentor": mentor,
        "link": _absolute(reverse("mentorship:home")),
    }
    to = [invitation.planner.email]
    email_send(message=render_email("emails/mentorship-answer", context, to=to))


def send_ended(*, mentorship: Mentorship, by: User | None) -> None:
    """To the side that did not end it (both, when it ended by its date). Names only: an
    ended mentorship's mail carries nothing of the plan."""
    recipients = [u for u in (mentorship.planner, mentorship.mentor) if by is None or u != by]
    for person in recipients:
        other = mentorship.mentor if person == mentorship.planner else mentorship.planner
        context = {
            "person": person,
            "other": other,
            "by": by,
            "as_planner": person == mentorship.planner,
        }
        email_send(message=render_email("emails/mentorship-ended", context, to=[person.email]))
