"""The check-in reminder email."""

from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from apps.checkins.models import ReminderDelivery
from apps.checkins.services import pause_token
from apps.core.emails import render_email
from apps.goals.models import Goal, Status


def reminder_email(delivery: ReminderDelivery, *, now: datetime) -> EmailMultiAlternatives:
    user = delivery.user
    pause_url = settings.SITE_URL + reverse(
        "checkins:pause", kwargs={"token": pause_token(user=user)}
    )
    goals = list(
        Goal.objects.visible_to(user)
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
    headers = {
        "List-Unsubscribe": f"<{pause_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return render_email("emails/checkin_reminder", context, to=[user.email], headers=headers)
