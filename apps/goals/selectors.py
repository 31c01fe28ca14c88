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

# The first active goals in the planner's order with `with_progress()`'s milestone counts, and
# how many active goals there are in all. Plain SQL: as an ORM query (two counts over a join,
# grouped, and a window for the total) it cost several times as long to build as to run.
_FIRST_ACTIVE = """
    SELECT g.id, g.public_id, g.title, g.status, g.measure_kind, g.baseline, g.target_value,
           g.current_value, g.target_date,
           (SELECT count(*) FROM milestones_milestone m WHERE m.goal_id = g.id),
           (SELECT count(*) FROM milestones_milestone m
            WHERE m.goal_id = g.id AND m.done_at IS NOT NULL),
           count(*) OVER ()
    FROM goals_goal g
    WHERE g.owner_id = %(owner)s AND g.status = %(active)s
    ORDER BY g.position, g.created_at
    LIMIT %(limit)s
"""


def first_active_goals(user, limit: int) -> tuple[list[Goal], int]:
    """The same as `Goal.objects.owned_by(user).filter(status=ACTIVE).with_progress()
    .in_order()[:limit]` loaded with `CARD_FIELDS` only, and the number of active goals."""
    if not user.is_authenticated:
        return [], 0
    params = {"owner": user.pk, "active": Status.ACTIVE.value, "limit": limit}
    alias, rows = fetch_rows(Goal, _FIRST_ACTIVE, params)
    goals = []
    for *values, total, done, _ in rows:
        goal = Goal.from_db(alias, CARD_FIELDS, values)
        goal.milestones_total, goal.milestones_done = total, done  # type: ignore[attr-defined]
        goals.append(goal)
    return goals, rows[0][-1] if rows else 0
