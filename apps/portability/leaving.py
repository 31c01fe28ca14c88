"""When a person deletes their account: their running mentorships end first, and the other
side hears of it by email — names only, nothing of the plan."""

from django.db.models import Q
from django.utils import timezone

from apps.accounts.models import User
from apps.accounts.services import email_send, on_account_delete
from apps.core.emails import render_email
from apps.mentorship.models import Mentorship


def end_mentorships(user: User) -> None:
    running = Mentorship.objects.active().filter(Q(planner=user) | Q(mentor=user))
    for mentorship in running.select_related("planner", "mentor"):
        other = mentorship.mentor if mentorship.planner_id == user.pk else mentorship.planner
        context = {
            "person": other,
            "leaver": user.get_full_name(),
            "as_planner": mentorship.planner_id == other.pk,
        }
        # Rendered now, while the leaver's name is still known; sent after the commit.
        email_send(message=render_email("emails/account-closed", context, to=[other.email]))
    running.update(ended_at=timezone.now(), ended_by=None)


def register() -> None:
    on_account_delete(end_mentorships)
