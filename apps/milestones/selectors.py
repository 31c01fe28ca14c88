"""Reads of milestones for pages that show them."""

from django.db.models import Prefetch

from apps.goals.models import Goal
from apps.milestones.models import ActionStep, Milestone


def milestones_with_steps(goal: Goal) -> list[Milestone]:
    """A goal's milestones in order, each with its steps, in two queries whatever the count."""
    steps = Prefetch("steps", queryset=ActionStep.objects.order_by("position", "created_at"))
    return list(goal.milestones.order_by("position", "created_at").prefetch_related(steps))
