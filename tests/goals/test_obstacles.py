import pytest
from django.urls import reverse

from apps.goals import catalog
from apps.goals.models import Obstacle
from tests.factories import GoalFactory, ObstacleFactory

HX = {"HX-Request": "true"}
SUGGESTION = catalog.STRATEGIES["procrastination"][0]


@pytest.fixture
def goal(alice):
    return GoalFactory(owner=alice)


def _create(goal) -> str:
    return reverse("goals:obstacle-create", args=[goal.public_id])


def test_the_add_page_offers_strategies_per_kind(alice_client, goal):
    page = alice_client.get(_create(goal)).content.decode()
    assert '<optgroup label="Procrastination">' in page
    assert SUGGESTION in page
    assert 'data-strategy-for="obstacle-strategy"' in page


def test_adding_an_obstacle_with_its_own_strategy(alice_client, goal):
    data = {"kind": "self_doubt", "description": "Fear of the exam", "strategy": "Mock exams"}
    response = alice_client.post(_create(goal), data)
    assert response.status_code == 302
    assert response["Location"].endswith("#obstacles")
    obstacle = Obstacle.objects.get(goal=goal)
    assert (obstacle.kind, obstacle.strategy) == ("self_doubt", "Mock exams")


def test_a_picked_suggestion_fills_an_empty_strategy(alice_client, goal):
    data = {"kind": "procrastination", "description": "Tired after work", "suggestion": SUGGESTION}
    alice_client.post(_create(goal), data)
    assert Obstacle.objects.get(goal=goal).strategy == SUGGESTION


def test_a_picked_suggestion_is_added_to_a_written_strategy_once(alice_client, goal):
    data = {
        "kind": "procrastination",
        "description": "Tired after work",
        "strategy": "Coffee first.",
        "suggestion": SUGGESTION,
    }
    alice_client.post(_create(goal), data)
    assert Obstacle.objects.get(goal=goal).strategy == f"Coffee first.\n{SUGGESTION}"
    data["strategy"] = SUGGESTION  # the script already copied it
    data["description"] = "Again"
    alice_client.post(_create(goal), data)
    assert Obstacle.objects.get(description="Again").strategy == SUGGESTION


def test_htmx_add_answers_with_the_section(alice_client, goal):
    data = {"kind": "external", "description": "A reorganisation"}
    response = alice_client.post(_create(goal), data, headers=HX)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="obstacles"')
    assert "A reorganisation" in page
    assert "No strategy yet." in page


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "external", "description": ""},
        {"kind": "astrology", "description": "Stars"},
        {"kind": "external", "description": "x" * 100_000},
        {"kind": "external", "description": "Stars", "suggestion": "Made up"},
    ],
)
def test_bad_input_saves_nothing(alice_client, goal, data):
    response = alice_client.post(_create(goal), data)
    assert response.status_code == 422
    assert 'class="errorlist"' in response.content.decode()
    htmx = alice_client.post(_create(goal), data, headers=HX)
    assert htmx.status_code == 422
    assert htmx.content.decode().lstrip().startswith('<section id="obstacles"')
    assert not Obstacle.objects.exists()


def test_editing_an_obstacle(alice_client, goal):
    obstacle = ObstacleFactory(goal=goal)
    url = reverse("goals:obstacle-edit", args=[obstacle.public_id])
    assert obstacle.description in alice_client.get(url).content.decode()
    data = {"kind": "resources", "description": "No budget", "strategy": "Ask my employer"}
    response = alice_client.post(url, data)
    assert response["Location"].endswith(f"#obstacle-{obstacle.public_id}")
    obstacle.refresh_from_db()
    assert (obstacle.kind, obstacle.description) == ("resources", "No budget")


def test_editing_with_an_empty_description_saves_nothing(alice_client, goal):
    obstacle = ObstacleFactory(goal=goal, description="Before")
    url = reverse("goals:obstacle-edit", args=[obstacle.public_id])
    response = alice_client.post(url, {"kind": "resources", "description": ""})
    assert response.status_code == 422
    obstacle.refresh_from_db()
    assert obstacle.description == "Before"


def test_deleting_an_obstacle(alice_client, goal):
    obstacle = ObstacleFactory(goal=goal)
    url = reverse("goals:obstacle-delete", args=[obstacle.public_id])
    assert "Delete this obstacle?" in alice_client.get(url).content.decode()
    assert alice_client.post(url).status_code == 422
    assert Obstacle.objects.filter(pk=obstacle.pk).exists()
    response = alice_client.post(url, {"confirm": "on"}, headers=HX)
    assert response.status_code == 200
    assert "No obstacles noted yet" in response.content.decode()
    assert not Obstacle.objects.filter(pk=obstacle.pk).exists()


def test_plain_delete_redirects_to_the_goal(alice_client, goal):
    obstacle = ObstacleFactory(goal=goal)
    url = reverse("goals:obstacle-delete", args=[obstacle.public_id])
    response = alice_client.post(url, {"confirm": "on"})
    assert response["Location"] == reverse("plan:goal", args=[goal.public_id]) + "#obstacles"


def test_another_planners_obstacles_are_not_found(alice_client, charlie):
    theirs = ObstacleFactory(goal__owner=charlie, description="Theirs")
    data = {"kind": "external", "description": "Mine now", "confirm": "on"}
    assert alice_client.post(_create(theirs.goal), data).status_code == 404
    for name in ("goals:obstacle-edit", "goals:obstacle-delete"):
        url = reverse(name, args=[theirs.public_id])
        assert alice_client.get(url).status_code == 404
        assert alice_client.post(url, data).status_code == 404
    theirs.refresh_from_db()
    assert theirs.description == "Theirs"
    assert Obstacle.objects.count() == 1


def test_wrong_methods(alice_client, goal):
    obstacle = ObstacleFactory(goal=goal)
    assert alice_client.put(_create(goal)).status_code == 405
    assert (
        alice_client.put(reverse("goals:obstacle-edit", args=[obstacle.public_id])).status_code
        == 405
    )
    assert (
        alice_client.delete(reverse("goals:obstacle-delete", args=[obstacle.public_id])).status_code
        == 405
    )
