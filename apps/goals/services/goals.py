"""Writes to goals themselves: creating, editing, progress, status, priority and order."""

import enum
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Final, Required, TypedDict
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from apps.accounts.models import User
from apps.assessment.models import CareerValue, Insight, InsightKind, Skill
from apps.goals.models import (
    Goal,
    GoalType,
    Horizon,
    MeasureKind,
    Quadrant,
    Status,
)
from apps.goals.revisions import record_revision, snapshot
from apps.goals.services.wins import win_create


class GoalFields(TypedDict, total=False):
    """What the goal form sets, as `goal_create` and `goal_update` take it."""

    title: Required[str]
    description: str
    goal_type: str
    horizon: str
    parent: Goal | None
    specific: str
    measure_kind: str
    measure_unit: str
    baseline: Decimal | None
    target_value: Decimal | None
    current_value: Decimal | None
    achievable: str
    relevant: str
    target_date: date | None
    urgent: bool
    important: bool
    values: Sequence[CareerValue]


EDITABLE_FIELDS: Final = tuple(GoalFields.__annotations__)


class NewGoalFields(GoalFields, total=False):
    """A new goal also says where in the self-assessment it started; that never changes."""

    source_weakness: Insight | None
    source_skill: Skill | None


class Keep(enum.Enum):
    """`goal_update`'s default for a field the caller leaves as it is."""

    KEEP = enum.auto()


KEEP: Final = Keep.KEEP


def _check_parent(goal: Goal, parent: Goal | None) -> None:
    if parent is None:
        return
    if parent.owner_id != goal.owner_id:
        raise ValidationError({"parent": "Choose one of your own long-term goals."})
    if parent.horizon != Horizon.LONG:
        raise ValidationError({"parent": "Only a long-term goal can have stepping stones."})
    if goal.pk and (parent.pk == goal.pk or parent.parent_id == goal.pk):
        raise ValidationError({"parent": "A goal cannot serve itself."})


def _check_values(owner_id: int, values: Sequence[CareerValue]) -> None:
    if any(value.owner_id != owner_id for value in values):
        raise ValidationError({"values": "Choose among your own career values."})


def _check_sources(owner_id: int, weakness: Insight | None, skill: Skill | None) -> None:
    if weakness is not None and (
        weakness.owner_id != owner_id or weakness.kind != InsightKind.WEAKNESS
    ):
        raise ValidationError({"source_weakness": "Start from one of your own weaknesses."})
    if skill is not None and skill.owner_id != owner_id:
        raise ValidationError({"source_skill": "Start from one of your own skills."})


@transaction.atomic
def goal_create(
    *,
    owner: User,
    title: str,
    description: str = "",
    goal_type: str = GoalType.PROFESSIONAL_DEVELOPMENT,
    horizon: str = Horizon.SHORT,
    parent: Goal | None = None,
    specific: str = "",
    measure_kind: str = MeasureKind.MILESTONES,
    measure_unit: str = "",
    baseline: Decimal | None = None,
    target_value: Decimal | None = None,
    current_value: Decimal | None = None,
    achievable: str = "",
    relevant: str = "",
    target_date: date | None = None,
    urgent: bool = False,
    important: bool = True,
    status: str = Status.ACTIVE,
    values: Sequence[CareerValue] = (),
    source_weakness: Insight | None = None,
    source_skill: Skill | None = None,
) -> Goal:
    """A new goal at the end of its owner's order, serving `values` and, when it grew out of
    the self-assessment, linked to the weakness or skill gap it started from."""
    goal = Goal(
        owner=owner,
        title=title,
        description=description,
        goal_type=goal_type,
        horizon=horizon,
        parent=parent,
        specific=specific,
        measure_kind=measure_kind,
        measure_unit=measure_unit,
        baseline=baseline,
        target_value=target_value,
        current_value=current_value,
        achievable=achievable,
        relevant=relevant,
        target_date=target_date,
        urgent=urgent,
        important=important,
        status=status,
        source_weakness=source_weakness,
        source_skill=source_skill,
    )
    _check_parent(goal, goal.parent)
    _check_values(owner.pk, values)
    _check_sources(owner.pk, source_weakness, source_skill)
    last = Goal.objects.owned_by(owner).aggregate(last=Max("position"))["last"]
    goal.position = 0 if last is None else last + 1
    goal.full_clean()
    goal.save()
    if values:
        goal.values.set(values)
    return goal


@transaction.atomic
def goal_update(
    *,
    goal: Goal,
    by: User,
    reason: str = "",
    title: str | Keep = KEEP,
    description: str | Keep = KEEP,
    goal_type: str | Keep = KEEP,
    horizon: str | Keep = KEEP,
    parent: Goal | Keep | None = KEEP,
    specific: str | Keep = KEEP,
    measure_kind: str | Keep = KEEP,
    measure_unit: str | Keep = KEEP,
    baseline: Decimal | Keep | None = KEEP,
    target_value: Decimal | Keep | None = KEEP,
    current_value: Decimal | Keep | None = KEEP,
    achievable: str | Keep = KEEP,
    relevant: str | Keep = KEEP,
    target_date: date | Keep | None = KEEP,
    urgent: bool | Keep = KEEP,
    important: bool | Keep = KEEP,
    values: Sequence[CareerValue] | Keep = KEEP,
) -> Goal:
    """Change the fields given (the others keep their values) and record the adjustment."""
    # Taken first, while the arguments are all there is in scope.
    given = {name: value for name, value in locals().items() if name in EDITABLE_FIELDS}
    given.pop("values")
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    before = snapshot(goal)
    for name, value in given.items():
        if value is not KEEP:
            setattr(goal, name, value)
    _check_parent(goal, goal.parent)
    if not isinstance(values, Keep):
        _check_values(goal.owner_id, values)
    if before["horizon"] == Horizon.LONG != goal.horizon and goal.children.exists():
        raise ValidationError(
            {"horizon": "Other goals are stepping stones towards this one: keep it long-term."}
        )
    goal.full_clean()
    goal.save()
    if not isinstance(values, Keep):
        goal.values.set(values)
    record_revision(goal=goal, by=by, before=before, reason=reason)
    return goal


@transaction.atomic
def goal_record_progress(*, goal: Goal, by: User, value: Decimal, note: str = "") -> Goal:
    """Where a number-tracked goal stands now; the change lands in its history with `note`."""
    if goal.measure_kind != MeasureKind.NUMBER:
        raise ValidationError({"value": "This goal is measured by its milestones, not a number."})
    return goal_update(goal=goal, by=by, current_value=value, reason=note)


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
    before = snapshot(goal)
    was_achieved = goal.status == Status.ACHIEVED
    goal.status = status
    goal.abandon_reason = reason.strip() if status == Status.ABANDONED else ""
    if status != Status.ACHIEVED:
        goal.achieved_at = None
    elif not was_achieved:
        goal.achieved_at = timezone.now()
    goal.save()
    record_revision(goal=goal, by=by, before=before, reason=reason)
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
    before = snapshot(goal)
    goal.urgent, goal.important = urgent, important
    goal.save(update_fields=["urgent", "important", "updated_at"])
    record_revision(goal=goal, by=by, before=before, reason="")
    return goal


@transaction.atomic
def goal_reorder(*, owner: User, ordered: list[Goal]) -> None:
    """Persist a manual order: `ordered` first, in that order, then the owner's other goals."""
    if any(goal.owner_id != owner.pk for goal in ordered):
        raise ValidationError("You can only order your own goals.")
    placed = [goal.pk for goal in ordered]
    rest = Goal.objects.owned_by(owner).exclude(pk__in=placed).order_by("position", "pk")
    order = placed + list(rest.values_list("pk", flat=True))
    goals = Goal.objects.owned_by(owner).in_bulk(order)
    for position, pk in enumerate(order):
        goals[pk].position = position
    Goal.objects.bulk_update(goals.values(), ["position"])


# (urgent, important) for each quadrant of the Eisenhower matrix.
QUADRANT_FLAGS: Final = {
    Quadrant.DO_FIRST: (True, True),
    Quadrant.SCHEDULE: (False, True),
    Quadrant.DELEGATE: (True, False),
    Quadrant.DROP: (False, False),
}


@transaction.atomic
def goal_place(
    *, goal: Goal, by: User, quadrant: str, order: Sequence[UUID] | None = None, shift: int = 0
) -> tuple[int, int]:
    """Put an active `goal` into `quadrant` of the matrix and order that quadrant's goals.

    `order` (public ids) is the order wanted after a drag; without it the goal moves `shift`
    places, or to the end of a new quadrant. Every other goal keeps its slot in the owner's
    manual order, so lists that show all goals do not jump about. Returns the goal's place
    in its quadrant and the number of goals there.
    """
    # Lock the owner's goals first, so that two moves at once queue up instead of deadlocking.
    goals = list(Goal.objects.filter(owner_id=goal.owner_id).select_for_update().in_order())
    goal = next(g for g in goals if g.pk == goal.pk)
    moved_quadrant = goal.quadrant != quadrant
    if moved_quadrant:
        urgent, important = QUADRANT_FLAGS[Quadrant(quadrant)]
        goal = goal_set_priority(goal=goal, by=by, urgent=urgent, important=important)
        goals = [goal if g.pk == goal.pk else g for g in goals]
    members = [g for g in goals if g.status == Status.ACTIVE and g.quadrant == quadrant]
    ids = [g.public_id for g in members]
    if order is None:
        index = ids.index(goal.public_id)
        target = len(ids) - 1 if moved_quadrant else max(0, min(len(ids) - 1, index + shift))
        ids.insert(target, ids.pop(index))
        order = ids
    rank = {public_id: i for i, public_id in enumerate(order)}
    slots = [i for i, g in enumerate(goals) if g.status == Status.ACTIVE and g.quadrant == quadrant]
    members.sort(key=lambda g: rank.get(g.public_id, len(rank)))
    for slot, member in zip(slots, members, strict=True):
        goals[slot] = member
    goal_reorder(owner=by, ordered=goals)
    place = next(i for i, g in enumerate(members) if g.pk == goal.pk)
    return place + 1, len(members)


@transaction.atomic
def goal_delete(*, goal: Goal) -> None:
    goal.delete()
