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
    ticks = axis.ticks()
    assert [t["wide"] for t in ticks] == ["Feb 2026", "Mar", "Apr", "May", "Jun", "Jul", "Aug"]
    # A phone labels every third month, so the labels never run into each other.
    assert [t["narrow"] for t in ticks] == ["Feb 2026", "", "", "May", "", "", "Aug"]


def test_axis_reaches_back_three_months_and_ahead_as_far_as_the_view_asks():
    dates = [date(2020, 1, 1), date(2029, 6, 1)]
    axis = Axis.around(dates, today=date(2026, 3, 10))
    assert (axis.start, axis.end) == (date(2025, 12, 1), date(2027, 4, 1))
    assert Axis.around(dates, today=date(2026, 3, 10), ahead=24).end == date(2028, 4, 1)
    assert Axis.around(dates, today=date(2026, 3, 10), ahead=6).end == date(2026, 10, 1)
    long = Axis.around(dates, today=date(2026, 3, 10), ahead=24)
    wide = [t["wide"] for t in long.ticks() if t["wide"]]
    narrow = [t["narrow"] for t in long.ticks() if t["narrow"]]
    assert wide[:6] == ["Dec 2025", "Mar 2026", "Jun", "Sep", "Dec", "Mar 2027"]
    assert narrow == ["Dec 2025", "Jun 2026", "Dec", "Jun 2027", "Dec"]


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


def test_a_two_year_goal_is_clipped_at_the_edge_and_says_where_it_goes(
    alice, alice_client, march_tenth
):
    goal = GoalFactory(owner=alice, title="Become a principal", target_date=date(2028, 3, 1))
    MilestoneFactory(goal=goal, title="Lead a team", due_date=date(2026, 9, 1))
    MilestoneFactory(goal=goal, title="Publish a paper", due_date=date(2027, 9, 1))

    page = alice_client.get(TIMELINE).content.decode()

    assert 'class="bar-arrow" d="M-13 11' in page  # the chevron at the right edge
    assert "continues to 1 Mar 2028, 1 more milestone" in page
    assert page.count('class="marker marker-') == 1  # the later one is not pinned to the edge
    assert 'class="target-flag"' not in page
    # Two years ahead, the whole goal fits.
    wide = alice_client.get(TIMELINE, {"ahead": "24"}).content.decode()
    assert "continues to" not in wide
    assert wide.count('class="marker marker-') == 2
    assert 'href="?ahead=24" aria-current="true"' in wide


@pytest.mark.parametrize("ahead", ["7", "", "x" * 300, "-12"])
def test_an_unknown_view_shows_the_next_year(alice, alice_client, march_tenth, ahead):
    GoalFactory(owner=alice, title="Get certified", target_date=date(2026, 6, 30))
    response = alice_client.get(TIMELINE, {"ahead": ahead})
    assert response.status_code == 200
    assert 'href="?ahead=12" aria-current="true"' in response.content.decode()


def test_a_goal_set_long_ago_is_clipped_on_the_left(alice, alice_client, march_tenth):
    goal = GoalFactory(owner=alice, title="Old ambition", target_date=date(2026, 6, 1))
    type(goal).objects.filter(pk=goal.pk).update(created_at=datetime(2024, 1, 5, tzinfo=UTC))

    page = alice_client.get(TIMELINE).content.decode()

    assert 'class="bar-arrow" d="M13 11' in page
    assert "set Jan 2024" in page


def test_stepping_stones_are_nested_under_their_long_term_goal(alice, alice_client, march_tenth):
    vision = GoalFactory(
        owner=alice, title="Lead engineering", horizon="long", target_date=date(2028, 1, 1)
    )
    GoalFactory(owner=alice, title="Unrelated", target_date=date(2026, 5, 1))
    GoalFactory(owner=alice, title="Learn to hire", parent=vision, target_date=date(2026, 8, 1))
    undated = GoalFactory(owner=alice, title="Someday", horizon="long", target_date=None)
    GoalFactory(owner=alice, title="Orphan stone", parent=undated, target_date=date(2026, 7, 1))

    page = alice_client.get(TIMELINE).content.decode()

    nested = page.split('aria-label="Stepping stones towards Lead engineering"', 1)[1]
    nested = nested.split("</ol>", 1)[0]
    assert "Learn to hire" in nested
    assert "Stepping stone:" in nested
    assert "Unrelated" not in nested
    assert "Orphan stone" not in nested
    # A stone whose long-term goal has no date stands on its own line.
    assert page.count('<li class="timeline-row') == 4


def test_roadmap_page_loads_its_own_styles_and_no_chart_library(alice, alice_client, march_tenth):
    GoalFactory(owner=alice, target_date=date(2026, 6, 30))
    page = alice_client.get(TIMELINE).content.decode()
    assert '<link rel="stylesheet" href="/static/css/roadmap.css">' in page
    assert "chartjs" not in page


def test_goals_stored_as_serving_each_other_both_stay_on_the_roadmap(
    alice, alice_client, march_tenth
):
    first = GoalFactory(owner=alice, title="Chicken", horizon="long", target_date=date(2026, 6, 1))
    second = GoalFactory(
        owner=alice, title="Egg", horizon="long", parent=first, target_date=date(2026, 7, 1)
    )
    type(first).objects.filter(pk=first.pk).update(parent=second)  # as bad data could

    page = alice_client.get(TIMELINE).content.decode()

    assert page.count('<li class="timeline-row') == 2
    assert "Chicken" in page
    assert "Egg" in page
