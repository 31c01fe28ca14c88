from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.goals import services
from apps.goals.models import Goal
from tests.factories import GoalFactory


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


def test_goal_update_changes_only_the_fields_it_is_given(alice):
    goal = GoalFactory(owner=alice, title="Certify", specific="Pass the exam")
    goal = services.goal_update(goal=goal, by=alice, title="Get certified", reason="Clearer")
    goal.refresh_from_db()
    assert (goal.title, goal.specific) == ("Get certified", "Pass the exam")
    assert goal.revisions.get().changes == {"title": ["Certify", "Get certified"]}


def test_goal_update_may_clear_a_field(alice):
    goal = GoalFactory(owner=alice)
    services.goal_update(goal=goal, by=alice, target_date=None)
    goal.refresh_from_db()
    assert goal.target_date is None


def _matrix(owner, quadrant: str) -> list[str]:
    goals = Goal.objects.filter(owner=owner, status="active").in_order()
    return [goal.title for goal in goals if goal.quadrant == quadrant]


def test_goal_place_moves_a_goal_within_its_quadrant(alice):
    first, second = (GoalFactory(owner=alice, title=t, urgent=False) for t in ("One", "Two"))
    assert services.goal_place(goal=second, by=alice, quadrant="schedule", shift=-1) == (1, 2)
    assert _matrix(alice, "schedule") == ["Two", "One"]
    assert not first.revisions.exists()  # an order is not an adjustment of the goal


def test_goal_place_into_another_quadrant_changes_the_priority_and_records_it(alice):
    GoalFactory(owner=alice, title="Urgent one", urgent=True)
    goal = GoalFactory(owner=alice, title="Moved", urgent=False)
    assert services.goal_place(goal=goal, by=alice, quadrant="do_first") == (2, 2)
    goal.refresh_from_db()
    assert (goal.urgent, goal.important) == (True, True)
    assert goal.revisions.get().changes == {"urgent": [False, True]}


def test_goal_place_follows_the_order_of_a_drop(alice):
    one, two, three = (GoalFactory(owner=alice, title=t, urgent=False) for t in "ABC")
    order = [three.public_id, one.public_id, two.public_id]
    assert services.goal_place(goal=three, by=alice, quadrant="schedule", order=order) == (1, 3)
    assert _matrix(alice, "schedule") == ["C", "A", "B"]
