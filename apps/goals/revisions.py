"""A goal's history: what its services record when the plan is adjusted.

Each change to a tracked field is kept as `field: [before, after]` in JSON-safe form, with who
made it and why; `apps.goals.presentation.history` puts it back into words.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from apps.accounts.models import User
from apps.goals.models import Goal, GoalRevision

# A change to any of these lands in the goal's history: adjustments of the plan, and progress
# on a number (`current_value`), so the history shows how the number moved and why.
TRACKED_FIELDS = (
    "title",
    "specific",
    "measure_kind",
    "measure_unit",
    "baseline",
    "target_value",
    "current_value",
    "achievable",
    "relevant",
    "target_date",
    "horizon",
    "status",
    "urgent",
    "important",
    "parent_id",
)
# The career values a goal serves, kept by name: a value removed later still reads right.
VALUES = "values"


def _plain(value: Any) -> Any:
    """A JSON-safe form of a field value for the revision log."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    return value


def snapshot(goal: Goal) -> dict[str, Any]:
    fields = {name: _plain(getattr(goal, name)) for name in TRACKED_FIELDS}
    fields[VALUES] = sorted(goal.values.values_list("name", flat=True)) if goal.pk else []
    return fields


def record_revision(
    *, goal: Goal, by: User | None, before: dict[str, Any], reason: str
) -> GoalRevision | None:
    after = snapshot(goal)
    changes = {k: [before[k], after[k]] for k in after if before.get(k) != after[k]}
    if not changes:
        return None
    return GoalRevision.objects.create(goal=goal, author=by, changes=changes, reason=reason.strip())


# A milestone's date is not a goal field, but moving it adjusts the goal's plan: the goal's
# history keeps it under this name, with the milestone's title beside the dates.
MILESTONE_DUE = "milestone_due"


def record_milestone_due(
    *, goal: Goal, by: User | None, title: str, before: date | None, after: date | None, reason: str
) -> GoalRevision | None:
    if before == after:
        return None
    change = [
        {"milestone": title, "due": _plain(before)},
        {"milestone": title, "due": _plain(after)},
    ]
    return GoalRevision.objects.create(
        goal=goal, author=by, changes={MILESTONE_DUE: change}, reason=reason.strip()
    )
