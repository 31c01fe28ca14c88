"""Bulk data for query-count tests: many goals, each with milestones and steps."""

from apps.milestones.models import ActionStep
from tests.factories import (
    ActionStepFactory,
    GoalFactory,
    GoalRevisionFactory,
    MilestoneFactory,
    ObstacleFactory,
    ResourceFactory,
)


def fill_goal(goal, *, milestones: int = 8, steps: int = 3, extras: int = 3) -> None:
    """Milestones with steps (some done), obstacles, resources and revisions under `goal`."""
    rows = MilestoneFactory.create_batch(milestones, goal=goal)
    ActionStep.objects.bulk_create(
        ActionStepFactory.build(milestone=milestone) for milestone in rows for _ in range(steps)
    )
    ObstacleFactory.create_batch(extras, goal=goal)
    ResourceFactory.create_batch(extras, goal=goal)
    GoalRevisionFactory.create_batch(extras, goal=goal)


def many_goals(owner, count: int = 40) -> list:
    goals = GoalFactory.create_batch(count, owner=owner)
    for goal in goals:
        fill_goal(goal)
    return goals
