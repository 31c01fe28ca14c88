"""Writes to goals and everything that hangs off them. Views and tasks call these; nothing else
writes. Each function validates, saves inside a transaction and returns what it changed."""

import secrets
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from apps.accounts.models import User
from apps.goals.models import (
    CalendarFeed,
    Goal,
    GoalRevision,
    Horizon,
    Obstacle,
    Resource,
    ResourceStatus,
    Status,
    Win,
)

# A change to any of these is an adjustment of the plan and lands in the goal's history.
# `current_value` is progress, not an adjustment, and is left out on purpose.
TRACKED_FIELDS = (
    "title",
    "specific",
    "measure_kind",
    "measure_unit",
    "baseline",
    "target_value",
    "achievable",
    "relevant",
    "target_date",
    "horizon",
    "status",
    "urgent",
    "important",
    "parent_id",
)
EDITABLE_FIELDS = (
    "title",
    "description",
    "goal_type",
    "horizon",
    "parent",
    "specific",
    "measure_kind",
    "measure_unit",
    "baseline",
    "target_value",
    "current_value",
    "achievable",
    "relevant",
    "target_date",
    "urgent",
    "important",
)


def _plain(value: Any) -> Any:
    """A JSON-safe form of a field value for the revision log."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    return value


def _snapshot(goal: Goal) -> dict[str, Any]:
    return {name: _plain(getattr(goal, name)) for name in TRACKED_FIELDS}


def _record_revision(
    *, goal: Goal, by: User | None, before: dict[str, Any], reason: str
) -> GoalRevision | None:
    after = _snapshot(goal)
    changes = {k: [before[k], after[k]] for k in TRACKED_FIELDS if before[k] != after[k]}
    if not changes:
        return None
    return GoalRevision.objects.create(goal=goal, author=by, changes=changes, reason=reason.strip())


def _check_parent(goal: Goal, parent: Goal | None) -> None:
    if parent is None:
        return
    if parent.owner_id != goal.owner_id:
        raise ValidationError({"parent": "Choose one of your own long-term goals."})
    if parent.horizon != Horizon.LONG:
        raise ValidationError({"parent": "Only a long-term goal can have stepping stones."})
    if goal.pk and (parent.pk == goal.pk or parent.parent_id == goal.pk):
        raise ValidationError({"parent": "A goal cannot serve itself."})


@transaction.atomic
def goal_create(
    *, owner: User, milestones: Sequence[tuple[str, date | None]] = (), **fields: Any
) -> Goal:
    """A new goal at the end of its owner's order, with `milestones` (title, due date) if given,
    as a goal template suggests them."""
    # Imported here: the milestones services import this module.
    from apps.milestones.services import milestone_create

    unknown = set(fields) - set(EDITABLE_FIELDS) - {"status"}
    if unknown:
        raise TypeError(f"unknown goal fields: {sorted(unknown)}")
    goal = Goal(owner=owner, **fields)
    _check_parent(goal, goal.parent)
    last = Goal.objects.filter(owner=owner).aggregate(last=Max("position"))["last"]
    goal.position = 0 if last is None else last + 1
    goal.full_clean()
    goal.save()
    for title, due_date in milestones:
        milestone_create(goal=goal, title=title, due_date=due_date)
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, by: User, reason: str = "", **fields: Any) -> Goal:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown goal fields: {sorted(unknown)}")
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    before = _snapshot(goal)
    for name, value in fields.items():
        setattr(goal, name, value)
    _check_parent(goal, goal.parent)
    if before["horizon"] == Horizon.LONG != goal.horizon and goal.children.exists():
        raise ValidationError(
            {"horizon": "Other goals are stepping stones towards this one: keep it long-term."}
        )
    goal.full_clean()
    goal.save()
    _record_revision(goal=goal, by=by, before=before, reason=reason)
    return goal


@transaction.atomic
def goal_set_status(*, goal: Goal, by: User, status: str, reason: str = "") -> Goal:
    """Move a goal through its life; achieving it is celebrated with a win."""
    if status not in Status.values:
        raise ValidationError({"status": "Choose one of the listed statuses."})
    if status == Status.ABANDONED and not reason.strip():
        raise ValidationError(
            {
                "reason": "Say in a few words why you are letting this goal go — future you will"
                " want to know."
            }
        )
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    before = _snapshot(goal)
    was_achieved = goal.status == Status.ACHIEVED
    goal.status = status
    goal.abandon_reason = reason.strip() if status == Status.ABANDONED else ""
    if status != Status.ACHIEVED:
        goal.achieved_at = None
    elif not was_achieved:
        goal.achieved_at = timezone.now()
    goal.save()
    _record_revision(goal=goal, by=by, before=before, reason=reason)
    if status == Status.ACHIEVED and not was_achieved:
        win_create(
            owner=goal.owner,
            title=f"Achieved: {goal.title}",
            happened_on=timezone.localdate(),
            goal=goal,
        )
    return goal


@transaction.atomic
def goal_set_priority(*, goal: Goal, by: User, urgent: bool, important: bool) -> Goal:
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    before = _snapshot(goal)
    goal.urgent, goal.important = urgent, important
    goal.save(update_fields=["urgent", "important", "updated_at"])
    _record_revision(goal=goal, by=by, before=before, reason="")
    return goal


@transaction.atomic
def goal_reorder(*, owner: User, ordered: list[Goal]) -> None:
    """Persist a manual order: `ordered` first, in that order, then the owner's other goals."""
    if any(goal.owner_id != owner.pk for goal in ordered):
        raise ValidationError("You can only order your own goals.")
    placed = [goal.pk for goal in ordered]
    rest = Goal.objects.filter(owner=owner).exclude(pk__in=placed).order_by("position", "pk")
    order = placed + list(rest.values_list("pk", flat=True))
    goals = Goal.objects.filter(owner=owner).in_bulk(order)
    for position, pk in enumerate(order):
        goals[pk].position = position
    Goal.objects.bulk_update(goals.values(), ["position"])


@transaction.atomic
def goal_delete(*, goal: Goal) -> None:
    goal.delete()


# -- obstacles and resources -------------------------------------------------------------


@transaction.atomic
def obstacle_create(*, goal: Goal, kind: str, description: str, strategy: str = "") -> Obstacle:
    obstacle = Obstacle(goal=goal, kind=kind, description=description, strategy=strategy)
    obstacle.full_clean()
    obstacle.save()
    return obstacle


@transaction.atomic
def obstacle_update(*, obstacle: Obstacle, **fields: Any) -> Obstacle:
    for name in ("kind", "description", "strategy"):
        if name in fields:
            setattr(obstacle, name, fields[name])
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
def resource_update(*, resource: Resource, **fields: Any) -> Resource:
    for name in ("kind", "title", "url", "status"):
        if name in fields:
            setattr(resource, name, fields[name])
    resource.full_clean()
    resource.save()
    return resource


@transaction.atomic
def resource_delete(*, resource: Resource) -> None:
    resource.delete()


# -- wins -------------------------------------------------------------------------------


@transaction.atomic
def win_create(
    *,
    owner: User,
    title: str,
    happened_on: date,
    note: str = "",
    goal: Goal | None = None,
) -> Win:
    if goal is not None and goal.owner_id != owner.pk:
        raise ValidationError({"goal": "Choose one of your own goals."})
    win = Win(owner=owner, title=title, happened_on=happened_on, note=note, goal=goal)
    win.full_clean()
    win.save()
    return win


@transaction.atomic
def win_delete(*, win: Win) -> None:
    win.delete()


# -- calendar feed ----------------------------------------------------------------------


def calendar_feed_for(*, user: User) -> CalendarFeed:
    feed, _ = CalendarFeed.objects.get_or_create(
        owner=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    return feed


@transaction.atomic
def calendar_feed_reset(*, user: User) -> CalendarFeed:
    """A new secret: the old calendar URL stops working at once."""
    feed = calendar_feed_for(user=user)
    feed.token = secrets.token_urlsafe(32)
    feed.save(update_fields=["token", "created_at"])
    return feed
