"""Writes that make goals together with their milestones."""

from datetime import date

from django.db import transaction

from apps.accounts.models import User
from apps.goals.catalog import GoalTemplate
from apps.goals.models import Goal
from apps.goals.services import NewGoalFields, goal_create
from apps.milestones.services import milestone_create


@transaction.atomic
def goal_create_from_template(
    *, owner: User, fields: NewGoalFields, template: GoalTemplate | None, today: date
) -> Goal:
    """A new goal and, when it was started from `template`, the milestones the template
    suggests, due as many days after `today` as it says. All or nothing."""
    goal = goal_create(owner=owner, **fields)
    for title, due_date in template.milestone_plan(today) if template else ():
        milestone_create(goal=goal, title=title, due_date=due_date)
    return goal
