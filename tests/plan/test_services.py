"""Goals made together with their milestones."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from apps.goals.catalog import GoalTemplate, MilestoneIdea
from apps.goals.models import Goal
from apps.plan.services import goal_create_from_template

TODAY = date(2026, 3, 10)


def _template(*milestones: MilestoneIdea) -> GoalTemplate:
    return GoalTemplate(
        slug="certify",
        title="Certify",
        summary="",
        goal_type="professional_development",
        horizon="short",
        due_in_days=180,
        specific="",
        achievable="",
        milestones=milestones,
    )


def test_a_template_brings_its_milestones_in_order_with_dates_from_today(alice):
    template = _template(MilestoneIdea("First", 22), MilestoneIdea("Second", 50))
    goal = goal_create_from_template(
        owner=alice, fields={"title": "Certify"}, template=template, today=TODAY
    )
    milestones = goal.milestones.order_by("position").values_list("title", "due_date")
    assert list(milestones) == [("First", date(2026, 4, 1)), ("Second", date(2026, 4, 29))]


def test_without_a_template_the_goal_starts_without_milestones(alice):
    goal = goal_create_from_template(
        owner=alice, fields={"title": "Certify"}, template=None, today=TODAY
    )
    assert goal.title == "Certify"
    assert not goal.milestones.exists()


def test_an_invalid_milestone_saves_no_goal_either(alice):
    with pytest.raises(ValidationError):
        goal_create_from_template(
            owner=alice,
            fields={"title": "Certify"},
            template=_template(MilestoneIdea("", 1)),
            today=TODAY,
        )
    assert not Goal.objects.exists()
