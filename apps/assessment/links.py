"""Links from an insight to the goal form, pre-filled and naming where it came from.

The goal form reads `title` and links the new goal back through `from_weakness` or
`from_skill` (public ids). The goal form's URL name lives here only, so that moving the goal
pages changes one line.
"""

from urllib.parse import urlencode

from django.urls import reverse

from apps.assessment.models import Insight, Skill

GOAL_CREATE = "plan:goal-create"
GOAL_PAGE = "plan:goal"


def _goal_url(**params: str) -> str:
    return f"{reverse(GOAL_CREATE)}?{urlencode(params)}"


def weakness_goal_title(weakness: Insight) -> str:
    idea = weakness.improvement.strip().splitlines()[0] if weakness.improvement.strip() else ""
    return (idea or f"Improve: {weakness.text}")[:200]


def skill_goal_title(skill: Skill) -> str:
    if skill.rating and skill.target:
        return f"Grow my {skill.name} from level {skill.rating} to {skill.target}"[:200]
    return f"Develop my {skill.name} skills"[:200]


def goal_from_weakness(weakness: Insight) -> str:
    return _goal_url(from_weakness=weakness.pid, title=weakness_goal_title(weakness))


def goal_from_skill(skill: Skill) -> str:
    return _goal_url(from_skill=skill.pid, title=skill_goal_title(skill))


def blank_goal() -> str:
    return reverse(GOAL_CREATE)


def goal_page(goal) -> str:
    """The page of a goal that grew out of a weakness or a skill gap (read through the reverse
    relation `goals`, so this app never imports the goals app)."""
    return reverse(GOAL_PAGE, args=[goal.public_id])
