"""Goals name the career values they serve, and remember the weakness or skill gap they grew
from: on the form, in the SMART check, in the history, in the list's filter, on the goal page
and back on the self-assessment."""

from django.urls import reverse

from apps.goals.models import Goal
from tests.assessment.factories import SkillFactory, ValueFactory, WeaknessFactory
from tests.factories import GoalFactory
from tests.goals.forms import goal_form

CREATE = reverse("plan:goal-create")
CHECK = reverse("goals:smart-check")
LIST = reverse("goals:list")


def _edit(goal) -> str:
    return reverse("goals:edit", args=[goal.public_id])


def _page(goal) -> str:
    return reverse("plan:goal", args=[goal.public_id])


def test_the_form_offers_only_the_planners_own_values(alice_client, alice, charlie):
    ValueFactory(owner=alice, name="Autonomy")
    ValueFactory(owner=charlie, name="Charlie's value")
    page = alice_client.get(CREATE).content.decode()
    assert "Which of your values does it serve?" in page
    assert 'type="checkbox" name="values"' in page
    assert "Autonomy" in page
    assert "Charlie's value" not in page


def test_without_values_the_form_points_to_the_values_page(alice_client):
    page = alice_client.get(CREATE).content.decode()
    assert "Pick your career values" in page
    assert reverse("assessment:values") in page


def test_a_new_goal_serves_the_values_ticked(alice_client, alice, noon):
    autonomy = ValueFactory(owner=alice, name="Autonomy")
    ValueFactory(owner=alice, name="Income")
    response = alice_client.post(CREATE, goal_form(values=[autonomy.pid]))
    assert response.status_code == 302
    goal = Goal.objects.get(owner=alice)
    assert list(goal.values.all()) == [autonomy]
    page = alice_client.get(_page(goal)).content.decode()
    assert "Serves what you value:" in page
    assert f"{LIST}?value={autonomy.pid}" in page


def test_another_users_value_is_an_error_at_the_field(alice_client, alice, charlie, noon):
    theirs = ValueFactory(owner=charlie, name="Not yours")
    response = alice_client.post(CREATE, goal_form(values=[theirs.pid]))
    assert response.status_code == 422
    assert "Choose among your own career values." in response.content.decode()
    assert not Goal.objects.filter(owner=alice).exists()


def test_a_mangled_value_id_is_an_error_at_the_field(alice_client, alice, noon):
    response = alice_client.post(CREATE, goal_form(values=["not-a-uuid"]))
    assert response.status_code == 422
    assert "Choose among your own career values." in response.content.decode()


def test_a_named_value_makes_the_goal_relevant_in_the_live_check(alice_client, alice, noon):
    learning = ValueFactory(owner=alice, name="Learning")
    unnamed = alice_client.post(CHECK, goal_form(relevant="")).content.decode()
    assert 'smart-item smart-missing" data-criterion="relevant"' in unnamed
    named = alice_client.post(CHECK, goal_form(relevant="", values=[learning.pid]))
    page = named.content.decode()
    assert 'smart-item smart-met" data-criterion="relevant"' in page
    assert "It serves what you value: Learning." in page


def test_changing_the_values_lands_in_the_history(alice_client, alice, noon):
    autonomy = ValueFactory(owner=alice, name="Autonomy")
    learning = ValueFactory(owner=alice, name="Learning")
    goal = GoalFactory(owner=alice)
    goal.values.set([autonomy])
    data = goal_form(title=goal.title, values=[learning.pid], reason="Learning drives me now")
    response = alice_client.post(_edit(goal), data)
    assert response.status_code == 302
    assert list(goal.values.all()) == [learning]
    page = alice_client.get(_page(goal)).content.decode()
    assert "Values it serves" in page
    assert "“Autonomy”" in page
    assert "“Learning”" in page
    assert "Learning drives me now" in page


def test_the_edit_form_ticks_the_values_the_goal_serves(alice_client, alice):
    autonomy = ValueFactory(owner=alice, name="Autonomy")
    goal = GoalFactory(owner=alice)
    goal.values.set([autonomy])
    page = alice_client.get(_edit(goal)).content.decode()
    tag = page[page.index(f'value="{autonomy.pid}"') :].split(">", 1)[0]
    assert "checked" in tag


def test_the_list_filters_by_value(alice_client, alice):
    autonomy = ValueFactory(owner=alice, name="Autonomy")
    served = GoalFactory(owner=alice, title="Go freelance")
    served.values.set([autonomy])
    GoalFactory(owner=alice, title="Get a raise")
    page = alice_client.get(LIST, {"value": autonomy.pid}).content.decode()
    assert "Go freelance" in page
    assert "Get a raise" not in page
    assert "1 goal matches" in page


def test_an_unknown_value_in_the_filter_shows_nothing_and_says_why(alice_client, alice, charlie):
    GoalFactory(owner=alice, title="Go freelance")
    theirs = ValueFactory(owner=charlie)
    for value in (theirs.pid, "not-a-uuid"):
        response = alice_client.get(LIST, {"value": value})
        assert response.status_code == 200
        page = response.content.decode()
        assert "That value is not among your career values" in page
        assert "Go freelance" not in page


def test_a_goal_from_a_weakness_links_back_both_ways(alice_client, alice, noon):
    weakness = WeaknessFactory(owner=alice, text="Public speaking", improvement="Join a club")
    form = alice_client.get(
        CREATE, {"from_weakness": weakness.pid, "title": "Join a club"}
    ).content.decode()
    assert f'name="from_weakness" value="{weakness.pid}"' in form
    assert "Started from your weakness" in form
    response = alice_client.post(CREATE, goal_form(title="Join a club", from_weakness=weakness.pid))
    goal = Goal.objects.get(owner=alice)
    assert response.status_code == 302
    assert goal.source_weakness == weakness
    page = alice_client.get(_page(goal)).content.decode()
    assert "Started from your weakness “" in page
    assert f"#insight-{weakness.pid}" in page
    board = alice_client.get(reverse("assessment:insights")).content.decode()
    assert "Became your goal" in board
    assert _page(goal) in board


def test_a_goal_from_a_skill_gap_links_back_both_ways(alice_client, alice, noon):
    skill = SkillFactory(owner=alice, name="SQL", rating=2, target=5)
    response = alice_client.post(CREATE, goal_form(title="Grow SQL", from_skill=skill.pid))
    goal = Goal.objects.get(owner=alice)
    assert response.status_code == 302
    assert goal.source_skill == skill
    page = alice_client.get(_page(goal)).content.decode()
    assert "Started from your skill gap in" in page
    gaps = alice_client.get(reverse("assessment:gaps")).content.decode()
    assert "Became your goal" in gaps
    assert _page(goal) in gaps


def test_someone_elses_weakness_links_nothing(alice_client, alice, charlie, noon):
    theirs = WeaknessFactory(owner=charlie)
    response = alice_client.post(CREATE, goal_form(from_weakness=theirs.pid, from_skill="junk"))
    assert response.status_code == 302
    goal = Goal.objects.get(owner=alice)
    assert goal.source_weakness is None
    assert goal.source_skill is None


def test_the_goal_outlives_the_weakness_it_came_from(alice_client, alice):
    weakness = WeaknessFactory(owner=alice)
    goal = GoalFactory(owner=alice, source_weakness=weakness)
    weakness.delete()
    goal.refresh_from_db()
    assert goal.source_weakness is None
    assert alice_client.get(_page(goal)).status_code == 200


def test_a_mentor_reading_the_goal_does_not_see_its_values(client, alice, bob):
    # bob reads alice's goal page only through a share; without one it is a 404.
    goal = GoalFactory(owner=alice)
    goal.values.set([ValueFactory(owner=alice, name="Secret value")])
    client.force_login(bob)
    response = client.get(_page(goal))
    assert response.status_code == 404
