"""The one way a view gets a milestone or an action step.

Both are exactly as visible and editable as their goal (`GoalChildQuerySet`), so a second
audience for goals reaches them with no change here. Anyone else gets a 404.
"""

from uuid import UUID

from apps.accounts.models import User
from apps.core.access import access_object
from apps.milestones.models import ActionStep, ActionStepQuerySet, Milestone, MilestoneQuerySet


def access_milestone(
    user: User,
    public_id: UUID | str,
    *,
    for_write: bool = False,
    queryset: MilestoneQuerySet | None = None,
) -> Milestone:
    """The milestone with its goal loaded (every page of a milestone names and links its
    goal), unless `queryset` says otherwise."""
    rows = queryset if queryset is not None else Milestone.objects.select_related("goal")
    return access_object(rows, user, public_id, for_write=for_write)


def access_step(
    user: User,
    public_id: UUID | str,
    *,
    for_write: bool = False,
    queryset: ActionStepQuerySet | None = None,
) -> ActionStep:
    """The step with its milestone and goal loaded, unless `queryset` says otherwise."""
    rows = (
        queryset if queryset is not None else ActionStep.objects.select_related("milestone__goal")
    )
    return access_object(rows, user, public_id, for_write=for_write)
