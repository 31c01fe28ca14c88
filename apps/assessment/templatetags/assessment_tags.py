"""Links from an insight to a pre-filled goal: `{{ weakness|goal_from_weakness }}`."""

from django import template

from apps.assessment import links
from apps.assessment.models import Insight, Skill

register = template.Library()


@register.filter
def goal_from_weakness(weakness: Insight) -> str:
    return links.goal_from_weakness(weakness)


@register.filter
def goal_from_skill(skill: Skill) -> str:
    return links.goal_from_skill(skill)


@register.filter
def goal_page(goal) -> str:
    return links.goal_page(goal)
