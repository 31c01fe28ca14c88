"""Writes to goals and everything that hangs off them. Views and tasks call these; nothing else
writes. Each function validates, saves inside a transaction and returns what it changed."""

from apps.goals.services.attached import (
    obstacle_create,
    obstacle_delete,
    obstacle_update,
    resource_create,
    resource_delete,
    resource_set_status,
    resource_update,
)
from apps.goals.services.feed import (
    calendar_feed_for,
    calendar_feed_reset,
)
from apps.goals.services.goals import (
    EDITABLE_FIELDS,
    KEEP,
    QUADRANT_FLAGS,
    GoalFields,
    Keep,
    NewGoalFields,
    goal_create,
    goal_delete,
    goal_place,
    goal_record_progress,
    goal_reorder,
    goal_set_priority,
    goal_set_status,
    goal_update,
)
from apps.goals.services.wins import (
    win_create,
    win_delete,
)

__all__ = [
    "EDITABLE_FIELDS",
    "KEEP",
    "QUADRANT_FLAGS",
    "GoalFields",
    "Keep",
    "NewGoalFields",
    "calendar_feed_for",
    "calendar_feed_reset",
    "goal_create",
    "goal_delete",
    "goal_place",
    "goal_record_progress",
    "goal_reorder",
    "goal_set_priority",
    "goal_set_status",
    "goal_update",
    "obstacle_create",
    "obstacle_delete",
    "obstacle_update",
    "resource_create",
    "resource_delete",
    "resource_set_status",
    "resource_update",
    "win_create",
    "win_delete",
]
