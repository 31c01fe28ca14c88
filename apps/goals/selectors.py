"""Reads of goals for pages that show a few of them, and of what one goal's page shows."""

from apps.accounts.models import User
from apps.assessment.models import CareerValue
from apps.core.sql import columns, fetch_rows, instance, width
from apps.goals.models import Goal, GoalRevision, Obstacle, Resource, Status

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


# -- one goal's page ------------------------------------------------------------------------
# Plain SQL: as ORM queries these small reads of one goal cost several times the CPU of the
# same SQL loaded into the same instances (the obstacles: 0.43 ms against 0.12 ms). Each keeps
# its model's `Meta.ordering`. Only the models' column names are joined into the text; the
# goal is a parameter.

_OBSTACLES = f"""
    SELECT {columns(Obstacle, "o")}
    FROM goals_obstacle o
    WHERE o.goal_id = %(goal)s
    ORDER BY o.created_at
"""  # noqa: S608

_RESOURCES = f"""
    SELECT {columns(Resource, "r")}
    FROM goals_resource r
    WHERE r.goal_id = %(goal)s
    ORDER BY r.created_at
"""  # noqa: S608

_VALUES_SERVED = f"""
    SELECT {columns(CareerValue, "v")}
    FROM assessment_careervalue v
    JOIN goals_goal_values gv ON gv.careervalue_id = v.id
    WHERE gv.goal_id = %(goal)s
    ORDER BY v.rank ASC NULLS LAST, lower(v.name)
"""  # noqa: S608

# A revision outlives its author's account (the author becomes NULL): a LEFT JOIN keeps it.
_REVISIONS = f"""
    SELECT {columns(GoalRevision, "r")}, {columns(User, "u")}
    FROM goals_goalrevision r
    LEFT JOIN accounts_user u ON u.id = r.author_id
    WHERE r.goal_id = %(goal)s
    ORDER BY r.created_at DESC, r.id DESC
"""  # noqa: S608
_REVISION_WIDTH = width(GoalRevision)
_USER_PK = _REVISION_WIDTH + list(User._meta.concrete_fields).index(User._meta.pk)


def _of_goal[M: Obstacle | Resource](model: type[M], sql: str, goal: Goal) -> list[M]:
    alias, rows = fetch_rows(model, sql, {"goal": goal.pk})
    found = [instance(model, alias, row) for row in rows]
    for each in found:
        each.goal = goal
    return found


def obstacles_of(goal: Goal) -> list[Obstacle]:
    """The same as `list(goal.obstacles.all())`: whole rows, each with `goal` set to `goal`."""
    return _of_goal(Obstacle, _OBSTACLES, goal)


def resources_of(goal: Goal) -> list[Resource]:
    """The same as `list(goal.resources.all())`: whole rows, each with `goal` set to `goal`."""
    return _of_goal(Resource, _RESOURCES, goal)


def values_served(goal: Goal) -> list[CareerValue]:
    """The same as `list(goal.values.all())`: the career values `goal` serves, whole rows."""
    alias, rows = fetch_rows(CareerValue, _VALUES_SERVED, {"goal": goal.pk})
    return [instance(CareerValue, alias, row) for row in rows]


def revisions_of(goal: Goal) -> list[GoalRevision]:
    """The same as `list(goal.revisions.select_related("author"))`: whole rows, each with
    `goal` set to `goal` and its author loaded (None when the account is gone)."""
    alias, rows = fetch_rows(GoalRevision, _REVISIONS, {"goal": goal.pk})
    revisions = []
    for row in rows:
        revision = instance(GoalRevision, alias, row[:_REVISION_WIDTH])
        revision.goal = goal
        no_author = row[_USER_PK] is None
        revision.author = None if no_author else instance(User, alias, row[_REVISION_WIDTH:])
        revisions.append(revision)
    return revisions
