"""The reminder emails, rendered from an outbox row and the links the sender hands over.

Nothing here decides whether or when to send, and nothing here imports the services: the
delivery service calls this module, never the reverse.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from apps.checkins.models import DeliveryKind, ReminderDelivery
from apps.core.emails import render_email
from apps.goals.models import Goal, Status
from apps.milestones.models import Milestone


def reminder_email(delivery: ReminderDelivery, *, stop_url: str) -> EmailMultiAlternatives | None:
    """The email for an outbox row, or None when there is nothing left to say. `stop_url` is
    the one-click link that switches this kind of reminder off."""
    if delivery.kind == DeliveryKind.MILESTONE:
        return milestone_digest_email(delivery, stop_url=stop_url)
    return checkin_email(delivery, pause_url=stop_url)


def _unsubscribe_headers(url: str) -> dict[str, str]:
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def milestone_digest_email(
    delivery: ReminderDelivery, *, stop_url: str
) -> EmailMultiAlternatives | None:
    user = delivery.user
    due_on = date.fromisoformat(delivery.occurrence_key) + timedelta(days=1)
    milestones = list(
        Milestone.objects.editable_by(user)
        .filter(due_date=due_on, done_at=None, goal__status=Status.ACTIVE)
        .select_related("goal")
        .order_by("goal__position", "position")
    )
    if not milestones:
        return None  # all ticked off since the digest was claimed
    settings_url = settings.SITE_URL + reverse("checkins:schedule")
    context = {
        "user": user,
        "milestones": milestones,
        "stop_url": stop_url,
        "due_on": due_on,
        "settings_url": settings_url,
        "plan_url": settings.SITE_URL + reverse("dashboard:index"),
    }
    return render_email(
        "emails/milestone_digest", context, to=[user.email], headers=_unsubscribe_headers(stop_url)
    )


def checkin_email(delivery: ReminderDelivery, *, pause_url: str) -> EmailMultiAlternatives:
    user = delivery.user
    goals = list(
        Goal.objects.owned_by(user)
        .filter(status=Status.ACTIVE)
        .with_progress()
        .order_by("position")[:5]
    )
    context = {
        "user": user,
        "goals": goals,
        "checkin_url": settings.SITE_URL + reverse("checkins:start"),
        "pause_url": pause_url,
        "settings_url": settings.SITE_URL + reverse("checkins:schedule"),
    }
    return render_email(
        "emails/checkin_reminder", context, to=[user.email], headers=_unsubscribe_headers(pause_url)
    )
