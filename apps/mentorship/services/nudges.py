"""A mentor's friendly nudge to a mentee: at most one per mentee per week.

It carries the mentor's own words and nothing of the plan; it reaches the planner as a
notification, whose email (if they want one) goes through the notification mail outbox.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.core.dates import exact_date
from apps.mentorship import notices
from apps.mentorship.models import NUDGE_INTERVAL, Mentorship, Nudge

MAX_MESSAGE = 500


def next_nudge_at(mentorship: Mentorship) -> datetime | None:
    """When the mentor may nudge again, or None when they may now."""
    last = Nudge.objects.filter(mentorship=mentorship).values_list("sent_at", flat=True).first()
    if last is None or last + NUDGE_INTERVAL <= timezone.now():
        return None
    return last + NUDGE_INTERVAL


@transaction.atomic
def nudge_send(*, by: User, mentorship: Mentorship, message: str = "") -> Nudge:
    # The lock makes two quick clicks one nudge, not two.
    mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    if mentorship.mentor_id != by.pk or not mentorship.is_active:
        raise ValidationError({"message": "Only their mentor can nudge them."})
    message = message.strip()
    if len(message) > MAX_MESSAGE:
        raise ValidationError({"message": f"Keep it under {MAX_MESSAGE} characters."})
    again = next_nudge_at(mentorship)
    if again is not None:
        when = exact_date(timezone.localtime(again).date())
        raise ValidationError(
            {"message": f"You nudged them this week already. You can again from {when}."}
        )
    nudge = Nudge.objects.create(mentorship=mentorship, message=message)
    notices.nudge_notify(nudge, recipient=mentorship.planner, actor=by)
    return nudge
