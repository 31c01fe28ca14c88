from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.goals import services
from tests.factories import GoalFactory


def test_goal_create_adds_milestones_in_order(alice):
    plan = [("First", date(2026, 4, 1)), ("Second", None)]
    goal = services.goal_create(owner=alice, title="Certify", milestones=plan)
    assert list(goal.milestones.order_by("position").values_list("title", "due_date")) == plan


def test_goal_create_rolls_back_when_a_milestone_is_invalid(alice):
    from apps.goals.models import Goal

    with pytest.raises(ValidationError):
        services.goal_create(owner=alice, title="Certify", milestones=[("", None)])
    assert not Goal.objects.exists()


def test_horizon_stays_long_while_stepping_stones_serve_it(alice):
    lead = GoalFactory(owner=alice, horizon="long")
    GoalFactory(owner=alice, parent=lead)
    with pytest.raises(ValidationError) as raised:
        services.goal_update(goal=lead, by=alice, horizon="short")
    assert "horizon" in raised.value.error_dict


def test_re_achieving_keeps_the_first_achievement_date(alice, time_machine):
    goal = GoalFactory(owner=alice)
    time_machine.move_to("2026-03-01 12:00Z", tick=False)
    services.goal_set_status(goal=goal, by=alice, status="achieved")
    time_machine.move_to("2026-03-05 12:00Z", tick=False)
    goal = services.goal_set_status(goal=goal, by=alice, status="achieved")
    assert timezone.localdate(goal.achieved_at) == date(2026, 3, 1)
