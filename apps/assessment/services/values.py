"""Career values: picking them, adding one's own, and ranking the top five.

Every change to a planner's values first locks all of their value rows (in primary-key order,
so two requests never wait on each other in a circle). Two tabs saving at once therefore take
turns: the second sees the first's result and applies its own change on top, and the ranks
stay 1, 2, 3… without a gap, a duplicate or a sixth. The unique and check constraints on
`CareerValue.rank` are the backstop should anything write around this module.
"""

from collections.abc import Collection, Sequence
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, Value, When

from apps.accounts.models import User
from apps.assessment import catalog
from apps.assessment.models import TOP_VALUES, CareerValue
from apps.assessment.services.common import clean_text

MOVES = ("up", "down", "in", "out")


def _locked(owner: User) -> list[CareerValue]:
    return list(CareerValue.objects.editable_by(owner).select_for_update().order_by("pk"))


def _ranked(rows: list[CareerValue]) -> list[CareerValue]:
    return sorted((row for row in rows if row.rank is not None), key=lambda row: row.rank or 0)


def _apply(owner: User, ordered: list[CareerValue]) -> None:
    """Make `ordered` the top values, in that order, and every other value unranked."""
    if len(ordered) > TOP_VALUES:
        raise ValidationError({"ranked": f"You can rank {TOP_VALUES} values at most."})
    CareerValue.objects.filter(owner=owner, rank__isnull=False).update(rank=None)
    if ordered:
        ranks = [When(pk=row.pk, then=Value(place)) for place, row in enumerate(ordered, 1)]
        CareerValue.objects.filter(pk__in=[row.pk for row in ordered]).update(rank=Case(*ranks))
    for place, row in enumerate(ordered, 1):
        row.rank = place


@transaction.atomic
def values_pick(*, owner: User, keys: Collection[str]) -> None:
    """Make the picked values from the list exactly `keys`; the planner's own stay."""
    known = catalog.value_by_key()
    unknown = set(keys) - set(known)
    if unknown:
        raise ValidationError({"keys": "Pick values from the list."})
    rows = _locked(owner)
    have = {row.key for row in rows if row.key}
    names = {row.name.casefold() for row in rows}
    dropped = {row.pk for row in rows if row.key and row.key not in keys}
    kept = [row for row in _ranked(rows) if row.pk not in dropped]
    CareerValue.objects.filter(pk__in=dropped).delete()
    _apply(owner, kept)
    CareerValue.objects.bulk_create(
        CareerValue(owner=owner, key=key, name=known[key].name)
        for key in sorted(set(keys) - have)
        if known[key].name.casefold() not in names
    )


@transaction.atomic
def value_add(*, owner: User, name: str) -> CareerValue:
    """Add a value of the planner's own. Typing one from the list picks that one."""
    name = clean_text(name, field="name")
    if not name:
        raise ValidationError({"name": "Name the value in a word or two."})
    rows = _locked(owner)
    if any(row.name.casefold() == name.casefold() for row in rows):
        raise ValidationError({"name": f"“{name}” is already one of your values."})
    listed = next((v for v in catalog.VALUES if v.name.casefold() == name.casefold()), None)
    if listed:
        value = CareerValue(owner=owner, key=listed.key, name=listed.name)
    else:
        value = CareerValue(owner=owner, name=name)
    value.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            value.save()
    except IntegrityError:
        raise ValidationError({"name": f"“{name}” is already one of your values."}) from None
    return value


@transaction.atomic
def value_remove(*, value: CareerValue) -> None:
    rows = _locked(value.owner)
    remaining = [row for row in _ranked(rows) if row.pk != value.pk]
    value.delete()
    _apply(value.owner, remaining)


@transaction.atomic
def values_rank(*, owner: User, ranked: Sequence[UUID]) -> list[CareerValue]:
    """Make `ranked` (public ids, most important first) the top values. Every id must be one
    of the planner's values; anything else changes nothing."""
    if len(ranked) > TOP_VALUES:
        raise ValidationError(
            {"ranked": f"You can rank {TOP_VALUES} values at most: take one out first."}
        )
    if len(set(ranked)) != len(ranked):
        raise ValidationError({"ranked": "Each value can have one place only."})
    rows = {row.public_id: row for row in _locked(owner)}
    if any(public_id not in rows for public_id in ranked):
        raise ValidationError(
            {"ranked": "One of these is not among your values any more. Reload and try again."}
        )
    ordered = [rows[public_id] for public_id in ranked]
    _apply(owner, ordered)
    return ordered


@transaction.atomic
def value_move(*, value: CareerValue, move: str) -> CareerValue:
    """One step for one value: up or down the top five, into it (last place) or out of it."""
    rows = _locked(value.owner)
    current = next((row for row in rows if row.pk == value.pk), None)
    if current is None:
        raise ValidationError({"move": "This value was removed in the meantime."})
    order = _ranked(rows)
    _apply(value.owner, _moved(order, current, move))
    return current


def _moved(order: list[CareerValue], value: CareerValue, move: str) -> list[CareerValue]:
    if move == "in":
        if value in order:
            return order
        if len(order) >= TOP_VALUES:
            raise ValidationError(
                {"move": f"Your top {TOP_VALUES} is full: move one out to make room."}
            )
        return [*order, value]
    if value not in order:
        # A stale page (another tab took it out): nothing left to move.
        raise ValidationError({"move": f"“{value.name}” is not in your top {TOP_VALUES} now."})
    if move == "out":
        return [row for row in order if row != value]
    index = order.index(value)
    other = index - 1 if move == "up" else index + 1
    if move not in ("up", "down") or not 0 <= other < len(order):
        return order
    order[index], order[other] = order[other], order[index]
    return order
