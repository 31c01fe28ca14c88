"""A notification kind for the tests alone, about goals, so these tests need no other app's
kinds. Importing this module registers it."""

from django.urls import reverse

from apps.goals.models import Goal, Status
from apps.notifications.registry import Described, register_kind

KIND = "test_goal_note"


def describe(notification) -> Described | None:
    goal: Goal = notification.target
    if goal.status == Status.ABANDONED:
        # A describer may withdraw a notification for its own reasons.
        return None
    who = notification.actor.get_full_name() if notification.actor else "Someone"
    return Described(
        summary=f"{who} wrote about “{goal.title}”",
        url=reverse("plan:goal", args=[goal.public_id]),
        label="Note",
    )


register_kind(KIND, describe=describe, related=("owner",))
