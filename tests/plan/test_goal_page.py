from datetime import date

from django.urls import reverse

from tests.assessment.factories import ValueFactory
from tests.factories import (
    GoalFactory,
    GoalRevisionFactory,
    MilestoneFactory,
    ObstacleFactory,
    ResourceFactory,
)
from tests.goals.bulk import fill_goal, many_goals


def _url(goal) -> str:
    return reverse("plan:goal", args=[goal.public_id])


def test_the_goal_page_shows_the_goal_and_its_smart_card(alice_client, alice, noon):
    goal = GoalFactory(
        owner=alice,
        title="Certify",
        description="Notes for *me*",
        target_date=date(2026, 4, 9),
    )
    MilestoneFactory.create_batch(2, goal=goal)
    response = alice_client.get(_url(goal))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Certify</h1>" in page
    assert "Notes for *me*" in page
    assert "due in 4 weeks" in page
    assert 'title="Thursday 9 April 2026"' in page
    assert "5 of 5 met" in page
    assert 'id="milestones"' in page  # the milestones section is included


def test_a_weak_goal_shows_which_criteria_are_missing(alice_client, alice, noon):
    goal = GoalFactory(owner=alice, specific="", relevant="", target_date=None)
    page = alice_client.get(_url(goal)).content.decode()
    assert 'smart-item smart-missing" data-criterion="specific"' in page
    assert 'smart-item smart-weak" data-criterion="measurable"' in page
    assert "Missing" in page
    assert "Strengthen your goal" in page


def test_a_numeric_goal_shows_its_progress_in_words(alice_client, alice):
    goal = GoalFactory(
        owner=alice,
        measure_kind="number",
        measure_unit="new contacts",
        baseline=0,
        target_value=5,
        current_value=2,
    )
    page = alice_client.get(_url(goal)).content.decode()
    assert "2 of 5 new contacts (from 0)" in page
    assert 'value="40"' in page


def test_parent_and_stepping_stones_link_to_each_other(alice_client, alice):
    lead = GoalFactory(owner=alice, horizon="long", title="Become a team lead")
    stone = GoalFactory(owner=alice, parent=lead, title="Lead a small project")
    lead_page = alice_client.get(_url(lead)).content.decode()
    assert _url(stone) in lead_page
    assert f"?parent={lead.public_id}&amp;horizon=short" in lead_page
    stone_page = alice_client.get(_url(stone)).content.decode()
    assert "A stepping stone towards" in stone_page
    assert _url(lead) in stone_page


def test_obstacles_resources_and_history_are_shown(alice_client, alice):
    goal = GoalFactory(owner=alice)
    ObstacleFactory(goal=goal, description="Long work days", strategy="Saturday mornings")
    ResourceFactory(goal=goal, title="PMP prep course", status="in_progress")
    GoalRevisionFactory(
        goal=goal,
        changes={"target_date": ["2026-01-01", "2026-03-01"], "status": ["active", "on_hold"]},
        reason="The exam moved.",
    )
    page = alice_client.get(_url(goal)).content.decode()
    assert "Long work days" in page
    assert "Saturday mornings" in page
    assert "PMP prep course" in page
    assert "0 of 1 done" in page
    assert "Mark done" in page
    assert "<strong>You</strong> changed this goal" in page
    assert "Target date:</strong> 1 Jan 2026 <span" in page
    assert "1 Mar 2026" in page
    assert "Status:</strong> Active" in page
    assert "Why: “The exam moved.”" in page


def test_history_names_the_parent_goals_in_words(alice_client, alice):
    lead = GoalFactory(owner=alice, horizon="long", title="Become a team lead")
    goal = GoalFactory(owner=alice)
    GoalRevisionFactory(goal=goal, changes={"parent_id": [None, lead.pk]}, reason="")
    page = alice_client.get(_url(goal)).content.decode()
    assert "Serves:</strong> nothing" in page
    assert "“Become a team lead”" in page


def test_a_history_entry_that_cannot_be_read_leaves_out_that_change_and_keeps_the_page(
    alice_client, alice
):
    """Stored history may come from an imported file: a change written by hand is skipped,
    the readable ones beside it stay."""
    goal = GoalFactory(owner=alice)
    GoalRevisionFactory(
        goal=goal,
        changes={
            "target_date": ["soon", "2026-03-01"],
            "status": [{"a": 1}, "on_hold"],
            "milestone_due": [{"milestone": "Exam", "due": "June"}, {"due": None}],
            "title": "Not a pair",
            "parent_id": 7,
            "urgent": [False, True],
        },
        reason="Imported.",
    )
    GoalRevisionFactory(goal=goal, changes=["not", "an", "object"], reason="Also imported.")
    response = alice_client.get(_url(goal))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Urgent:</strong> no" in page
    assert "Target date:" not in page
    assert "Why: “Imported.”" in page
    assert "Why: “Also imported.”" in page


def test_empty_sections_say_why_and_offer_the_action(alice_client, alice):
    goal = GoalFactory(owner=alice)
    page = alice_client.get(_url(goal)).content.decode()
    assert "No obstacles noted yet" in page
    assert "No resources yet" in page
    assert "No changes yet" in page
    assert reverse("goals:obstacle-create", args=[goal.public_id]) in page
    assert reverse("goals:resource-create", args=[goal.public_id]) in page


def test_another_planners_goal_is_not_found(alice_client, charlie):
    assert alice_client.get(_url(GoalFactory(owner=charlie))).status_code == 404


def test_wrong_method(alice_client, alice):
    assert alice_client.post(_url(GoalFactory(owner=alice))).status_code == 405


# session, user, goal (with progress and parent), milestones with their steps, stepping stones,
# obstacles, resources, revisions with authors, the values it serves; the conversation: its
# comments with what is unread (the milestones it may be about are the page's own); the
# navigation's unread notifications; the requests for a new date; the viewer's running
# mentorships (which also name the mentors the goal is shared with, who are the ones who could
# answer a request for a new date)
DETAIL_QUERIES = 13


def test_detail_query_count_small(alice_client, alice, django_assert_num_queries):
    goal = GoalFactory(owner=alice, horizon="long")
    GoalFactory(owner=alice, parent=goal)
    fill_goal(goal, milestones=1, steps=1, extras=1)
    goal.values.set(ValueFactory.create_batch(3, owner=alice))
    with django_assert_num_queries(DETAIL_QUERIES):
        response = alice_client.get(_url(goal))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1>{goal.title}</h1>" in page
    assert page.count('class="revision"') == 1


def test_detail_query_count_big(alice_client, alice, django_assert_num_queries):
    goal = GoalFactory(owner=alice, horizon="long")
    for child in many_goals(alice):
        child.parent = goal
        child.save()
    fill_goal(goal, milestones=8, steps=3, extras=5)
    goal.values.set(ValueFactory.create_batch(100, owner=alice))
    with django_assert_num_queries(DETAIL_QUERIES):
        response = alice_client.get(_url(goal))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('class="revision"') == 5
    assert page.count('<li id="resource-') == 5


def test_the_status_forms_reason_is_rendered_once_unbound_and_live_with_errors():
    from apps.goals.forms import StatusForm

    assert StatusForm().reason_html() == StatusForm()["reason"].as_field_group()
    bound = StatusForm({"status": "abandoned", "reason": " "})
    assert not bound.is_valid()
    html = bound.reason_html()
    assert "future you will want to know" in html
    assert 'aria-invalid="true"' in html
