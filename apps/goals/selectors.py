"""Reads of goals for pages that show a few of them."""

from apps.core.sql import fetch_rows
from apps.goals.models import Goal, Status

# What a goal card shows (its link, title and date) and what `Goal.progress` reads, in the
# model's field order as `from_db` takes them; not the long texts.
CARD_FIELDS = (
    "id",
    "public_id",
    "title",
    "status",
    "measure_kind",
    "baseline",
    "target_value",
    "current_value",
    "target_date",
)

# A goal card's columns and `with_progress()`'s milestone counts, as subqueries: as an ORM
# query (two counts over a join, grouped by every column) it cost several times as long to
# build as to run.
_CARD_SELECT = """
    g.id, g.public_id, g.title, g.status, g.measure_kind, g.baseline, g.target_value,
    g.current_value, g.target_date,
    (SELECT count(*) FROM milestones_milestone m WHERE m.goal_id = g.id),
    (SELECT count(*) FROM milestones_milestone m
     WHERE m.goal_id = g.id AND m.done_at IS NOT NULL)
"""

# The first active goals in the planner's order, and how many active goals there are in all.
_FIRST_ACTIVE = f"""
    SELECT {_CARD_SELECT}, count(*) OVER ()
    FROM goals_goal g
    WHERE g.owner_id = %(owner)s AND g.status = %(active)s
    ORDER BY g.position, g.created_at
    LIMIT %(limit)s
"""  # noqa: S608 - no input in the text, only in the parameters

# The stepping stones of one of the owner's long-term goals, in the planner's order.
_STONES = f"""
    SELECT {_CARD_SELECT}
    FROM goals_goal g
    WHERE g.parent_id = %(parent)s AND g.owner_id = %(owner)s
    ORDER BY g.position, g.created_at
"""  # noqa: S608 - no input in the text, only in the parameters


def _cards(alias: str, rows: list[tuple]) -> list[Goal]:
    goals = []
    for row in rows:
        goal = Goal.from_db(alias, CARD_FIELDS, row[: len(CARD_FIELDS)])
        total, done = row[len(CARD_FIELDS) : len(CARD_FIELDS) + 2]
        goal.milestones_total, goal.milestones_done = total, done  # type: ignore[attr-defined]
        goals.append(goal)
    return goals


def first_active_goals(user, limit: int) -> tuple[list[Goal], int]:
    """The same as `Goal.objects.owned_by(user).filter(status=ACTIVE).with_progress()
    .in_order()[:limit]` loaded with `CARD_FIELDS` only, and the number of active goals."""
    if not user.is_authenticated:
        return [], 0
    params = {"owner": user.pk, "active": Status.ACTIVE.value, "limit": limit}
    alias, rows = fetch_rows(Goal, _FIRST_ACTIVE, params)
    return _cards(alias, rows), rows[0][-1] if rows else 0


def stepping_stones(goal: Goal) -> list[Goal]:
    """The short-term goals serving `goal` that its owner set, as a goal card shows them: the
    same as `Goal.objects.owned_by(goal.owner).filter(parent=goal).with_progress().in_order()`
    loaded with `CARD_FIELDS` only."""
    alias, rows = fetch_rows(Goal, _STONES, {"parent": goal.pk, "owner": goal.owner_id})
    return _cards(alias, rows)
