from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.assessment.factories import ValueFactory
from tests.factories import GoalFactory, MilestoneFactory
from tests.goals.bulk import many_goals

URL = reverse("goals:list")


def _page(client, **params) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_empty_list_offers_the_templates(alice_client):
    page = _page(alice_client)
    assert "No goals yet — start from a template" in page
    assert f'href="{reverse("plan:goal-create")}"' in page


def test_open_goals_come_first_in_manual_order(alice_client, alice):
    GoalFactory(owner=alice, title="Done long ago", status="achieved", position=0)
    GoalFactory(owner=alice, title="Second", position=2)
    GoalFactory(owner=alice, title="First", position=1)
    GoalFactory(owner=alice, title="Given up", status="abandoned", position=3)
    page = _page(alice_client)
    order = [page.index(t) for t in ("First", "Second", "Done long ago", "Given up")]
    assert order == sorted(order)
    assert "4 goals · 2 in progress" in page


def test_each_goal_shows_progress_with_meaning_type_horizon_and_deadline(alice_client, alice, noon):
    goal = GoalFactory(owner=alice, title="Certify", target_date=date(2026, 3, 22))
    MilestoneFactory(goal=goal, done_at="2026-03-01T10:00:00Z")
    MilestoneFactory.create_batch(3, goal=goal)
    page = _page(alice_client)
    assert 'value="25"' in page
    assert "1 of 4 milestones done" in page
    assert "due in 12 days" in page
    assert "Professional development · Short-term (within a year)" in page
    assert 'datetime="2026-03-22"' in page


def test_overdue_goals_are_flagged_in_words(alice_client, alice, noon):
    GoalFactory(owner=alice, target_date=date(2026, 3, 7))
    GoalFactory(owner=alice, target_date=date(2026, 3, 1), status="achieved")
    page = _page(alice_client)
    assert page.count("Overdue</strong>") == 1
    assert "3 days overdue" in page


def test_stepping_stones_sit_under_their_long_term_goal(alice_client, alice):
    lead = GoalFactory(owner=alice, title="Become a team lead", horizon="long", position=5)
    GoalFactory(owner=alice, title="Lead a small project", parent=lead, position=0)
    page = _page(alice_client)
    assert 'aria-label="Stepping stones towards Become a team lead"' in page
    assert page.index("Become a team lead") < page.index("Lead a small project")


def test_a_stepping_stone_found_alone_names_what_it_serves(alice_client, alice):
    lead = GoalFactory(owner=alice, title="Become a team lead", horizon="long")
    GoalFactory(owner=alice, title="Lead a small project", parent=lead)
    page = _page(alice_client, horizon="short")
    assert "Lead a small project" in page
    assert "serves <a" in page


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"goal_type": "networking"}, "Meet people", "Pass the exam"),
        ({"horizon": "long"}, "Start a company", "Pass the exam"),
        ({"status": "on_hold"}, "Pass the exam", "Meet people"),
        ({"q": "CERTIFICATE"}, "Pass the exam", "Meet people"),
        ({"q": "founders"}, "Start a company", "Pass the exam"),
    ],
)
def test_filters_and_search(alice_client, alice, params, shown, hidden):
    GoalFactory(owner=alice, title="Pass the exam", status="on_hold", specific="The certificate")
    GoalFactory(owner=alice, title="Meet people", goal_type="networking", specific="Meetups")
    GoalFactory(
        owner=alice, title="Start a company", horizon="long", description="Talk to founders"
    )
    page = _page(alice_client, **params)
    assert shown in page
    assert hidden not in page


def test_a_tampered_filter_is_ignored(alice_client, alice):
    GoalFactory(owner=alice, title="Pass the exam")
    assert "Pass the exam" in _page(alice_client, status="bogus")


def test_no_match_says_so_and_offers_to_clear(alice_client, alice):
    GoalFactory(owner=alice, title="Pass the exam")
    page = _page(alice_client, q="zebra")
    assert "No goals match these filters" in page
    assert "No goals yet" not in page


def test_htmx_filter_answers_with_the_results_only(alice_client, alice):
    GoalFactory(owner=alice, title="Pass the exam")
    response = alice_client.get(URL, {"q": "exam"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "Pass the exam" in page
    assert "<html" not in page
    assert "<search" not in page


def test_history_restore_gets_the_full_page(alice_client):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    assert "<html" in alice_client.get(URL, headers=headers).content.decode()


def test_only_your_own_goals_are_listed(alice_client, charlie):
    GoalFactory(owner=charlie, title="Charlie's secret plan")
    assert "Charlie's secret plan" not in _page(alice_client)


def test_post_is_not_allowed(alice_client):
    assert alice_client.post(URL).status_code == 405


# session, user, the navigation's unread count, the planner's values (filter and form), the
# goals with their progress and parents, the values each goal serves
LIST_QUERIES = 6


def _serving(goals, values) -> None:
    for goal in goals:
        goal.values.set(values[:3])


def test_list_query_count_small(alice_client, alice, django_assert_num_queries):
    lead = GoalFactory(owner=alice, horizon="long", target_date=date.today() + timedelta(900))
    stones = GoalFactory.create_batch(2, owner=alice, parent=lead, title="A stepping stone")
    _serving([lead, *stones], ValueFactory.create_batch(3, owner=alice))
    with django_assert_num_queries(LIST_QUERIES):
        response = alice_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('<article class="goal-row') == 3
    assert "A stepping stone" in page
    assert page.count('class="goal-values"') == 3


def test_list_query_count_big(alice_client, alice, django_assert_num_queries):
    goals = many_goals(alice, count=20) + GoalFactory.create_batch(80, owner=alice)
    lead = goals[0]
    lead.horizon = "long"
    lead.save()
    for goal in goals[1:10]:
        goal.parent = lead
        goal.save()
    _serving(goals, ValueFactory.create_batch(100, owner=alice))
    with django_assert_num_queries(LIST_QUERIES):
        response = alice_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('<article class="goal-row') == 100
    assert f'aria-label="Stepping stones towards {lead.title}"' in page
    assert page.count('class="goal-values"') == 100


def test_each_row_links_the_values_it_serves_in_the_planners_order(alice_client, alice, charlie):
    first = ValueFactory(owner=alice, name="Autonomy", rank=1)
    second = ValueFactory(owner=alice, name="Craft", rank=2)
    GoalFactory(owner=alice, title="Both").values.set([second, first])
    GoalFactory(owner=alice, title="Neither")
    GoalFactory(owner=charlie, title="Not hers").values.set([ValueFactory(owner=charlie)])
    page = _page(alice_client)
    both = page[page.index("Both") : page.index("</article>", page.index("Both"))]
    assert "Serves what you value:" in both
    assert both.index(f'{URL}?value={first.pid}">Autonomy') < both.index(
        f'{URL}?value={second.pid}">Craft'
    )
    neither = page[page.index("Neither") : page.index("</article>", page.index("Neither"))]
    assert "Serves what you value" not in neither
    assert "Not hers" not in page
