"""The goal page draws the goal's progress over time — from its number's history, or from the
days its milestones were reached — and the table beside the chart carries the same numbers."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from apps.goals.models import GoalRevision
from apps.goals.services import goal_record_progress
from tests.checkins.test_charts import _data, _table
from tests.factories import GoalFactory, MilestoneFactory


@pytest.fixture
def runner(alice, time_machine):
    time_machine.move_to(datetime(2026, 3, 2, 9, tzinfo=UTC), tick=False)
    return GoalFactory(
        owner=alice,
        title="Run 10 km",
        measure_kind="number",
        measure_unit="km",
        baseline=Decimal(0),
        target_value=Decimal(10),
        current_value=Decimal(2),
    )


def _url(goal):
    return f"/goals/{goal.public_id}/"


def test_a_number_goal_charts_each_day_its_number_moved(alice_client, alice, runner, time_machine):
    for day, value in ((5, 4), (5, 5), (12, 8)):  # two updates on the 5th: the last one counts
        time_machine.move_to(datetime(2026, 3, day, 18, tzinfo=UTC), tick=False)
        goal_record_progress(goal=runner, by=alice, value=Decimal(value), note="")
        runner.refresh_from_db()

    page = alice_client.get(_url(runner)).content.decode()

    assert _table(page, "goal-progress-chart") == [
        ["Date", "Run 10 km"],
        ["2 Mar 2026", "20%"],
        ["5 Mar 2026", "50%"],
        ["12 Mar 2026", "80%"],
    ]
    assert _data(page, "goal-progress-chart")["dates"][-1] == "2026-03-12"
    assert page.count('data-chartjs="/static/vendor/chartjs/chart.umd.min.js"') == 1


def test_a_milestone_goal_charts_the_days_its_milestones_were_reached(
    alice_client, alice, time_machine
):
    time_machine.move_to(datetime(2026, 3, 2, 9, tzinfo=UTC), tick=False)
    goal = GoalFactory(owner=alice, title="Get certified")
    MilestoneFactory(goal=goal, done_at=datetime(2026, 3, 10, 9, tzinfo=UTC))
    MilestoneFactory(goal=goal, done_at=datetime(2026, 4, 1, 9, tzinfo=UTC))
    MilestoneFactory(goal=goal)
    MilestoneFactory(goal=goal)

    page = alice_client.get(_url(goal)).content.decode()

    assert _table(page, "goal-progress-chart")[1:] == [
        ["2 Mar 2026", "0%"],
        ["10 Mar 2026", "25%"],
        ["1 Apr 2026", "50%"],
    ]


def test_a_goal_that_never_moved_draws_nothing_and_loads_no_chart_library(alice_client, runner):
    page = alice_client.get(_url(runner)).content.decode()
    assert "goal-progress-chart" not in page
    assert "chartjs" not in page


def test_a_number_cleared_on_the_way_is_skipped(alice_client, alice, runner, time_machine):
    # Stored by hand, as an import or an older release could have done.
    GoalRevision.objects.create(goal=runner, author=alice, changes={"current_value": ["2", None]})
    time_machine.move_to(datetime(2026, 3, 4, 9, tzinfo=UTC), tick=False)
    GoalRevision.objects.create(goal=runner, author=alice, changes={"current_value": [None, "6"]})

    response = alice_client.get(_url(runner))

    assert response.status_code == 200
    assert _table(response.content.decode(), "goal-progress-chart")[1:] == [
        ["2 Mar 2026", "20%"],
        ["4 Mar 2026", "60%"],
    ]
