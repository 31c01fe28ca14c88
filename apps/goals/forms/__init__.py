"""Forms that parse what the planner sends. They validate input; the services do the writing."""

from apps.goals.forms.attached import (
    ObstacleForm,
    ResourceForm,
    ResourceStatusForm,
)
from apps.goals.forms.filters import (
    GoalFilterForm,
)
from apps.goals.forms.goal import (
    AUTO,
    GOAL_FIELDS,
    ConfirmDeleteForm,
    GoalEditForm,
    GoalForm,
    ProgressForm,
    SmartCheckForm,
    StatusForm,
    ValuesField,
    add_service_errors,
)

__all__ = [
    "AUTO",
    "GOAL_FIELDS",
    "ConfirmDeleteForm",
    "GoalEditForm",
    "GoalFilterForm",
    "GoalForm",
    "ObstacleForm",
    "ProgressForm",
    "ResourceForm",
    "ResourceStatusForm",
    "SmartCheckForm",
    "StatusForm",
    "ValuesField",
    "add_service_errors",
]
