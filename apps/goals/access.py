from uuid import UUID

from apps.accounts.models import User
from apps.core.access import access_object
from apps.goals.models import Goal, GoalQuerySet


def access_goal(
    user: User,
    public_id: UUID | str,
    *,
    for_write: bool = False,
    queryset: GoalQuerySet | None = None,
) -> Goal:
    return access_object(
        queryset if queryset is not None else Goal.objects.all(),
        user,
        public_id,
        for_write=for_write,
    )
