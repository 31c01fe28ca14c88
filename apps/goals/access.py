"""How a view gets one goal, obstacle, resource, win or calendar feed: the only way.

Each function returns the object when `user` may read it (or, `for_write`, change it), else
raises Http404. Who may read is decided by the models' querysets (`readers`), so a second
audience joins there and every page follows. `queryset` lets a page ask for what it shows in
the same query (`Goal.objects.with_progress()`, `select_related`).
"""

from uuid import UUID

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404

from apps.accounts.models import User
from apps.core.access import access_object
from apps.goals.models import (
    CalendarFeed,
    Goal,
    GoalChildQuerySet,
    GoalQuerySet,
    Obstacle,
    Resource,
    Win,
    WinQuerySet,
)


def access_goal(
    user: User,
    public_id: UUID | str,
    *,
    for_write: bool = False,
    queryset: GoalQuerySet | None = None,
) -> Goal:
    goals = queryset if queryset is not None else Goal.objects.all()
    return access_object(goals, user, public_id, for_write=for_write)


def access_obstacle(
    user: User,
    public_id: UUID | str,
    *,
    for_write: bool = False,
    queryset: GoalChildQuerySet | None = None,
) -> Obstacle:
    obstacles = queryset if queryset is not None else Obstacle.objects.select_related("goal")
    return access_object(obstacles, user, public_id, for_write=for_write)


def access_resource(
    user: User,
    public_id: UUID | str,
    *,
    for_write: bool = False,
    queryset: GoalChildQuerySet | None = None,
) -> Resource:
    resources = queryset if queryset is not None else Resource.objects.select_related("goal")
    return access_object(resources, user, public_id, for_write=for_write)


def access_win(
    user: User,
    public_id: UUID | str,
    *,
    for_write: bool = False,
    queryset: WinQuerySet | None = None,
) -> Win:
    wins = queryset if queryset is not None else Win.objects.all()
    return access_object(wins, user, public_id, for_write=for_write)


def access_calendar_feed(token: str) -> CalendarFeed:
    """The feed whose secret is `token`, with its owner. The token is the credential: calendar
    apps cannot sign in, and resetting the feed revokes the old token at once."""
    try:
        return CalendarFeed.objects.select_related("owner").get(token=token)
    except ObjectDoesNotExist:
        raise Http404 from None


def calendar_feed_of(user: User) -> CalendarFeed | None:
    """The planner's own feed, or None until they ask for one: showing the calendar page must
    not create a secret."""
    return CalendarFeed.objects.owned_by(user).first()
