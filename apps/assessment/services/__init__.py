"""Every write of the self-assessment. Views, and later goals and the demo, call these."""

from apps.assessment.services.insights import insight_create, insight_delete, insight_update
from apps.assessment.services.interests import interest_profile_take
from apps.assessment.services.reflections import (
    reflection_answer,
    reflection_create,
    reflection_delete,
    reflection_hide,
)
from apps.assessment.services.skills import (
    skill_add_starter,
    skill_create,
    skill_delete,
    skill_rate,
    skill_update,
)
from apps.assessment.services.snapshots import snapshot_delete, snapshot_take
from apps.assessment.services.values import (
    value_add,
    value_move,
    value_remove,
    values_pick,
    values_rank,
)
from apps.assessment.services.vision import vision_restore, vision_save

__all__ = [
    "insight_create",
    "insight_delete",
    "insight_update",
    "interest_profile_take",
    "reflection_answer",
    "reflection_create",
    "reflection_delete",
    "reflection_hide",
    "skill_add_starter",
    "skill_create",
    "skill_delete",
    "skill_rate",
    "skill_update",
    "snapshot_delete",
    "snapshot_take",
    "value_add",
    "value_move",
    "value_remove",
    "values_pick",
    "values_rank",
    "vision_restore",
    "vision_save",
]
