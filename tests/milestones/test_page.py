"""The milestones section as a planner sees it: order, progress, due dates, empty state."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from tests.factories import ActionStepFactory, GoalFactory, MilestoneFactory
from tests.milestones.conftest import HTMX


def _page(client, goal, **headers):
    return client.get(reverse("milestones:list", kwargs={"public_id": goal.public_id}), **headers)


@pytest.fixture
def june_first(time_machine):
    # Noon in Berlin, alice's time zone.
    time_machine.move_to(datetime(2030, 6, 1, 10, tzinfo=UTC), tick=False)
    return date(2030, 6, 1)


def test_empty_goal_explains_and_offers_the_first_milestone(alice_client, goal):
    response = _page(alice_client, goal)
    assert response.status_code == 200
    page = response.content.decode()
    assert goal.title in page
    assert "No milestones yet." in page
    assert 'href="#new-milestone-title"' in page
    assert "Add a milestone and your progress shows here." in page


def test_milestones_in_order_with_progress_and_step_counts(alice_client, goal):
    now = datetime.now(UTC)
    second = MilestoneFactory(goal=goal, title="Pass the exam", position=2)
    first = MilestoneFactory(goal=goal, title="Book the course", position=1, done_at=now)
    ActionStepFactory(milestone=second, title="Buy the study guide", done_at=now)
    ActionStepFactory(milestone=second, title="Do a mock exam")
    page = _page(alice_client, goal).content.decode()
    assert page.index(first.title) < page.index(second.title)
    assert "<strong>1 of 2</strong> milestones reached" in page
    assert 'value="50"' in page
    assert "1 of 2 steps done" in page
    assert "Reached" in page


def test_due_dates_are_relative_with_the_exact_date_and_overdue_stands_out(
    june_first, alice_client, goal
):
    MilestoneFactory(goal=goal, title="Late one", due_date=june_first - timedelta(days=3))
    MilestoneFactory(goal=goal, title="Soon one", due_date=june_first + timedelta(days=12))
    MilestoneFactory(goal=goal, title="Today one", due_date=june_first)
    page = _page(alice_client, goal).content.decode().replace("\xa0", " ")
    assert "Overdue" in page
    assert "3 days ago" in page
    assert 'class="milestone is-overdue"' in page
    assert 'datetime="2030-06-13"' in page
    assert "in 12 days" in page
    assert "(13 Jun)" in page
    assert "Due <time" in page
    assert ">today</time>" in page


def test_the_date_follows_the_planners_time_zone(time_machine, client, alice, charlie):
    # 23:30 UTC on 1 June is already 2 June in Berlin: due on 1 June is overdue for alice,
    # and due today for charlie, who lives on UTC.
    time_machine.move_to(datetime(2030, 6, 1, 23, 30, tzinfo=UTC), tick=False)
    for person, expected in ((alice, "Overdue"), (charlie, ">today</time>")):
        goal = GoalFactory(owner=person)
        MilestoneFactory(goal=goal, title="Due first of June", due_date=date(2030, 6, 1))
        client.force_login(person)
        assert expected in _page(client, goal).content.decode()


def test_htmx_gets_the_section_only(alice_client, goal):
    MilestoneFactory(goal=goal, title="Only one")
    response = _page(alice_client, goal, headers=HTMX)
    page = response.content.decode()
    assert page.lstrip().startswith("<section") or '<section id="milestones"' in page
    assert "<html" not in page
    assert "Only one" in page


def test_a_strangers_goal_is_not_found(client, charlie, goal):
    client.force_login(charlie)
    assert _page(client, goal).status_code == 404


def _fill(owner, milestones: int, steps: int):
    goal = GoalFactory(owner=owner)
    for index in range(milestones):
        milestone = MilestoneFactory(goal=goal, done_at=datetime.now(UTC) if index % 2 else None)
        ActionStepFactory.create_batch(steps, milestone=milestone)
    return goal


def test_query_count_does_not_grow_with_milestones_and_steps(
    alice_client, alice, django_assert_num_queries
):
    small, big = _fill(alice, 2, 3), _fill(alice, 8, 3)
    # session, user, goal with progress, milestones with their steps, the navigation's unread
    # count
    for goal, count in ((small, 2), (big, 8)):
        with django_assert_num_queries(5):
            response = _page(alice_client, goal)
        assert response.status_code == 200
        page = response.content.decode()
        assert page.count('<li id="milestone-') == count
        assert f"{count // 2} of {count}</strong> milestones reached" in page


def test_the_goal_page_shows_the_section_with_its_controls(alice_client, goal):
    MilestoneFactory(goal=goal, title="Pass the exam")
    page = alice_client.get(reverse("plan:goal", kwargs={"public_id": goal.public_id}))
    content = page.content.decode()
    assert '<section id="milestones"' in content
    assert 'id="goal-progress"' in content
    assert "Mark “Pass the exam” as reached" in content


def test_a_reader_who_cannot_edit_sees_no_controls(goal, rf, alice):
    from django.template.loader import render_to_string

    from apps.goals.models import Goal
    from apps.milestones.views.answers import list_context

    ActionStepFactory(milestone=MilestoneFactory(goal=goal, title="Pass the exam"))
    request = rf.get("/")
    request.user = alice
    context = list_context(Goal.objects.with_progress().get(pk=goal.pk))
    section = "milestones/list.html#section"
    page = render_to_string(section, {**context, "can_edit": False}, request)
    assert "Pass the exam" in page
    assert "<form" not in page
    assert "Add a milestone" not in page
    assert "<form" in render_to_string(section, context, request)
