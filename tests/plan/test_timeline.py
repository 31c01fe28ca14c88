"""The roadmap: open goals as bars on a month axis, milestones as markers, today marked."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from apps.plan.roadmap import Axis
from tests.factories import ActionStepFactory, GoalFactory, MilestoneFactory

TIMELINE = reverse("plan:timeline")


@pytest.fixture
def march_tenth(time_machine):
    time_machine.move_to(datetime(2026, 3, 10, 12, tzinfo=UTC))
    return date(2026, 3, 10)


def test_axis_spans_whole_months_around_today_and_the_deadlines():
    axis = Axis.around([date(2026, 8, 20)], today=date(2026, 3, 10))
    assert (axis.start, axis.end) == (date(2026, 2, 1), date(2026, 9, 1))
    assert axis.months == 7
    assert axis.x(date(2026, 2, 1)) == 0
    assert axis.x(date(2026, 9, 1)) == 100
    assert axis.x(date(2030, 1, 1)) == 100  # clamped, never off the chart
    assert [t["label"] for t in axis.ticks()] == [
        "Feb 2026",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
    ]
    assert axis.size == "m"


def test_axis_reaches_back_at_most_a_year_and_thins_its_labels_when_long():
    axis = Axis.around([date(2020, 1, 1), date(2029, 6, 1)], today=date(2026, 3, 10))
    assert axis.start == date(2025, 3, 1)
    assert axis.end == date(2029, 7, 1)
    labels = [t["label"] for t in axis.ticks()]
    assert labels[0] == "Mar 2025"
    assert labels[1:] == ["Mar 2026", "Mar 2027", "Mar 2028", "Mar 2029"]  # one a year, dated
    assert axis.size == "xl"


def test_axis_without_any_date_still_shows_the_months_ahead():
    axis = Axis.around([], today=date(2026, 12, 15))
    assert (axis.start, axis.end) == (date(2026, 11, 1), date(2027, 4, 1))


def test_goals_and_milestones_are_drawn_with_today_marked(alice, alice_client, march_tenth):
    goal = GoalFactory(owner=alice, title="Get certified", target_date=date(2026, 6, 30))
    MilestoneFactory(goal=goal, title="Book the exam", due_date=date(2026, 4, 1))
    MilestoneFactory(goal=goal, title="Pass the mock test", due_date=date(2026, 3, 1))
    MilestoneFactory(
        goal=goal,
        title="Buy the book",
        due_date=date(2026, 2, 15),
        done_at=datetime(2026, 2, 14, tzinfo=UTC),
    )

    response = alice_client.get(TIMELINE)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Get certified" in page
    assert ">Today</text>" in page
    assert 'class="marker marker-open"' in page
    assert 'class="marker marker-done"' in page
    # The late milestone: a warning colour and a word.
    assert 'class="marker marker-overdue"' in page
    assert "1 overdue" in page
    assert "Overdue:</strong>" in page
    assert "1 of 3 milestones done" in page
    assert 'datetime="2026-06-30"' in page


def test_an_overdue_goal_says_so_in_words(alice, alice_client, march_tenth):
    GoalFactory(owner=alice, title="Ship the portfolio", target_date=date(2026, 2, 1))
    page = alice_client.get(TIMELINE).content.decode()
    assert 'class="timeline-row is-overdue"' in page
    assert "Overdue</strong>: the target was" in page


def test_goals_without_a_deadline_get_a_nudge(alice, alice_client, march_tenth):
    GoalFactory(owner=alice, title="Someday: write a book", target_date=None)
    page = alice_client.get(TIMELINE).content.decode()
    assert "Goals without a deadline" in page
    assert "Someday: write a book" in page
    assert "none of your goals has a target date" in page


def test_an_empty_roadmap_says_how_to_fill_it(alice_client, march_tenth):
    page = alice_client.get(TIMELINE).content.decode()
    assert "Your roadmap is empty" in page


def test_only_the_planners_open_goals_are_shown(alice, alice_client, charlie, march_tenth):
    GoalFactory(owner=alice, title="On hold for now", status="on_hold")
    GoalFactory(owner=alice, title="Already achieved", status="achieved")
    GoalFactory(owner=alice, title="Let go", status="abandoned")
    GoalFactory(owner=charlie, title="Charlie's plan")
    page = alice_client.get(TIMELINE).content.decode()
    assert "On hold for now" in page
    assert "On hold</small>" in page
    for hidden in ("Already achieved", "Let go", "Charlie's plan"):
        assert hidden not in page


def test_timeline_is_get_only(alice_client):
    assert alice_client.post(TIMELINE).status_code == 405


@pytest.mark.parametrize("goals", [2, 40])
def test_timeline_query_count_does_not_grow_with_the_plan(
    alice, alice_client, django_assert_num_queries, goals, march_tenth
):
    for n in range(goals):
        goal = GoalFactory(
            owner=alice, target_date=None if n % 5 == 0 else date(2026, 9, n % 28 + 1)
        )
        for milestone in MilestoneFactory.create_batch(8, goal=goal):
            ActionStepFactory.create_batch(3, milestone=milestone)
    # session, user, the open goals with their progress, their milestones, the navigation's
    # unread count
    with django_assert_num_queries(5):
        response = alice_client.get(TIMELINE)
    assert response.status_code == 200
    page = response.content.decode()
    dated = goals - len(range(0, goals, 5))
    assert page.count('<li class="timeline-row') == dated
    assert page.count('class="marker marker-') == dated * 8
