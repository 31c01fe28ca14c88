"""Writes to what a goal carries besides its milestones: the obstacles in its way and the
resources that help."""

from django.db import transaction

from apps.goals.models import Goal, Obstacle, Resource, ResourceStatus


@transaction.atomic
def obstacle_create(*, goal: Goal, kind: str, description: str, strategy: str = "") -> Obstacle:
    obstacle = Obstacle(goal=goal, kind=kind, description=description, strategy=strategy)
    obstacle.full_clean()
    obstacle.save()
    return obstacle


@transaction.atomic
def obstacle_update(
    *, obstacle: Obstacle, kind: str, description: str, strategy: str = ""
) -> Obstacle:
    obstacle.kind, obstacle.description, obstacle.strategy = kind, description, strategy
    obstacle.full_clean()
    obstacle.save()
    return obstacle


@transaction.atomic
def obstacle_delete(*, obstacle: Obstacle) -> None:
    obstacle.delete()


@transaction.atomic
def resource_create(
    *, goal: Goal, kind: str, title: str, url: str = "", status: str = ResourceStatus.TODO
) -> Resource:
    resource = Resource(goal=goal, kind=kind, title=title, url=url, status=status)
    resource.full_clean()
    resource.save()
    return resource


@transaction.atomic
def resource_update(
    *, resource: Resource, kind: str, title: str, url: str = "", status: str = ResourceStatus.TODO
) -> Resource:
    resource.kind, resource.title, resource.url, resource.status = kind, title, url, status
    resource.full_clean()
    resource.save()
    return resource


@transaction.atomic
def resource_set_status(*, resource: Resource, status: str) -> Resource:
    resource.status = status
    resource.full_clean()
    resource.save(update_fields=["status", "updated_at"])
    return resource


@transaction.atomic
def resource_delete(*, resource: Resource) -> None:
    resource.delete()
