"""The check-in charts: what Chart.js draws and the table beside it come from one object, and
the table (what a screen reader reads, and all a browser without JavaScript shows) carries
every number on a shared date axis."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from apps.checkins.models import CheckInGoal
from apps.checkins.services.checkins import checkin_complete, checkin_start
from apps.goals.models import Status
from tests.factories import GoalFactory, MilestoneFactory

START = datetime(2026, 9, 7, 9, 0, tzinfo=UTC)
HISTORY = reverse("checkins:history")
SCRIPT = 'data-chartjs="/static/vendor/chartjs/chart.umd.min.js"'
# The history's charts lead the page, so it loads Chart.js with the page; elsewhere the chart is
# further down and Chart.js comes when it is scrolled near.
EAGER = '<script src="/static/vendor/chartjs/chart.umd.min.js" defer>'


def _check_in(user, when, confidence=None, progress=None):
    """A completed check-in at `when`, with each goal's progress snapshot set as given."""
    draft = checkin_start(user=user)
    draft.confidence = confidence
    draft.save()
    checkin_complete(checkin=draft)
    for goal, value in (progress or {}).items():
        CheckInGoal.objects.filter(checkin=draft, goal=goal).update(progress=value)
    return draft


def _table(page: str, chart_id: str) -> list[list[str]]:
    figure = page.split(f'id="{chart_id}"', 1)[1].split("</figure>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", figure, re.S)
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in rows
    ]


def _data(page: str, chart_id: str) -> dict:
    raw = re.search(
        rf'<script id="{chart_id}-data" type="application/json">(.*?)</script>', page, re.S
    )
    assert raw, f"no data for {chart_id}"
    return json.loads(raw.group(1))


@pytest.fixture
def three_goals(alice):
    return [
        GoalFactory(owner=alice, title=t) for t in ("Learn Go", "Write a talk", "Mentor a junior")
    ]


def test_three_goals_at_the_same_progress_are_three_columns_on_one_date_axis(
    alice_client, alice, three_goals, time_machine
):
    for week in range(3):
        time_machine.move_to(START + timedelta(weeks=week), tick=False)
        _check_in(alice, START, progress={goal: 25 for goal in three_goals})

    page = alice_client.get(HISTORY).content.decode()

    assert _table(page, "progress-chart") == [
        ["Check-in", "Learn Go", "Write a talk", "Mentor a junior"],
        ["7 Sep 2026", "25%", "25%", "25%"],
        ["14 Sep 2026", "25%", "25%", "25%"],
        ["21 Sep 2026", "25%", "25%", "25%"],
    ]
    data = _data(page, "progress-chart")
    assert data["dates"] == ["2026-09-07", "2026-09-14", "2026-09-21"]
    assert [s["label"] for s in data["series"]] == ["Learn Go", "Write a talk", "Mentor a junior"]
    assert all(s["data"] == [25, 25, 25] for s in data["series"])
    assert page.count(SCRIPT) == 1
    assert EAGER in page


def test_a_goal_added_later_has_a_gap_before_it_and_dates_follow_the_planners_clock(
    alice_client, alice, time_machine
):
    alice.timezone = "Pacific/Auckland"
    alice.save()
    first = GoalFactory(owner=alice, title="Learn Go")
    time_machine.move_to(START, tick=False)
    _check_in(alice, START, confidence=2, progress={first: 10})
    later = GoalFactory(owner=alice, title="Write a talk")
    time_machine.move_to(START + timedelta(days=10), tick=False)
    _check_in(alice, START, confidence=4, progress={first: 40, later: 50})

    page = alice_client.get(HISTORY).content.decode()

    # 09:00 UTC is 21:00 the same day in Auckland (NZST, before its summer time starts).
    assert _table(page, "progress-chart")[1:] == [
        ["7 Sep 2026", "10%", "—"],
        ["17 Sep 2026", "40%", "50%"],
    ]
    assert _data(page, "progress-chart")["series"][1]["data"] == [None, 50]
    assert _table(page, "confidence-chart") == [
        ["Check-in", "Confidence"],
        ["7 Sep 2026", "2 of 5"],
        ["17 Sep 2026", "4 of 5"],
    ]


def test_one_check_in_draws_nothing_and_loads_no_chart_library(
    alice_client, alice, three_goals, time_machine
):
    time_machine.move_to(START, tick=False)
    _check_in(alice, START, confidence=3)

    page = alice_client.get(HISTORY).content.decode()

    assert "data-time-chart" not in page
    assert "chartjs" not in page


def test_dashboard_draws_active_goals_over_the_last_check_ins(
    alice_client, alice, three_goals, time_machine
):
    MilestoneFactory(goal=three_goals[0])
    for week in range(2):
        time_machine.move_to(START + timedelta(weeks=week), tick=False)
        _check_in(alice, START, progress={three_goals[0]: 20 * week, three_goals[1]: 60})
    three_goals[2].status = Status.ACHIEVED
    three_goals[2].save()

    page = alice_client.get(reverse("dashboard:index")).content.decode()

    assert _table(page, "progress-chart") == [
        ["Check-in", "Learn Go", "Write a talk"],
        ["7 Sep 2026", "0%", "60%"],
        ["14 Sep 2026", "20%", "60%"],
    ]
    assert page.count(SCRIPT) == 1
    assert EAGER not in page


def test_pages_without_a_chart_do_not_load_the_chart_library(alice_client, three_goals):
    for url in (reverse("dashboard:index"), HISTORY, reverse("goals:list")):
        assert "chartjs" not in alice_client.get(url).content.decode()
