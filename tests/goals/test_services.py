from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.goals import services
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
