import pytest
from django.urls import reverse

from apps.goals.models import Resource
from tests.factories import GoalFactory, ResourceFactory

HX = {"HX-Request": "true"}


@pytest.fixture
def goal(alice):
    return GoalFactory(owner=alice)


def _create(goal) -> str:
    return reverse("goals:resource-create", args=[goal.public_id])


def _status(resource) -> str:
    return reverse("goals:resource-status", args=[resource.public_id])


def test_adding_a_resource(alice_client, goal):
    assert "Add a resource" in alice_client.get(_create(goal)).content.decode()
    data = {"kind": "book", "title": "Making Things Happen", "url": "", "status": "todo"}
    response = alice_client.post(_create(goal), data)
    assert response["Location"].endswith("#resources")
    assert Resource.objects.get(goal=goal).title == "Making Things Happen"


def test_htmx_add_answers_with_the_section(alice_client, goal):
    data = {
        "kind": "course",
        "title": "Prep course",
        "url": "https://example.org",
        "status": "todo",
    }
    response = alice_client.post(_create(goal), data, headers=HX)
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="resources"')
    assert 'href="https://example.org"' in page
    assert "0 of 1 done." in page


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "book", "title": "", "status": "todo"},
        {"kind": "book", "title": "A link", "url": "javascript:alert(1)", "status": "todo"},
        {"kind": "gossip", "title": "Rumours", "status": "todo"},
        {"kind": "book", "title": "x" * 100_000, "status": "todo"},
    ],
)
def test_bad_input_saves_nothing(alice_client, goal, data):
    assert alice_client.post(_create(goal), data).status_code == 422
    htmx = alice_client.post(_create(goal), data, headers=HX)
    assert htmx.status_code == 422
    assert 'class="errorlist"' in htmx.content.decode()
    assert not Resource.objects.exists()


def test_status_moves_from_to_do_to_in_progress_to_done_inline(alice_client, goal):
    resource = ResourceFactory(goal=goal, title="Prep course")
    page = alice_client.get(reverse("plan:goal", args=[goal.public_id])).content.decode()
    assert 'name="status" value="in_progress"' in page
    response = alice_client.post(_status(resource), {"status": "in_progress"}, headers=HX)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="resources"')
    assert "<strong>In progress</strong>" in page
    assert 'name="status" value="done"' in page
    alice_client.post(_status(resource), {"status": "done"}, headers=HX)
    resource.refresh_from_db()
    assert resource.status == "done"


def test_status_without_javascript_redirects_back(alice_client, goal):
    resource = ResourceFactory(goal=goal)
    response = alice_client.post(_status(resource), {"status": "done"})
    assert response["Location"].endswith(f"#resource-{resource.public_id}")
    resource.refresh_from_db()
    assert resource.status == "done"


def test_an_unknown_status_changes_nothing(alice_client, goal):
    resource = ResourceFactory(goal=goal)
    response = alice_client.post(_status(resource), {"status": "lost"})
    assert response.status_code == 422
    assert "nothing changed" in response.content.decode()
    assert alice_client.post(_status(resource), {"status": "lost"}, headers=HX).status_code == 422
    resource.refresh_from_db()
    assert resource.status == "todo"


def test_editing_and_deleting_a_resource(alice_client, goal):
    resource = ResourceFactory(goal=goal)
    edit = reverse("goals:resource-edit", args=[resource.public_id])
    data = {"kind": "person", "title": "Ask Maria", "url": "", "status": "in_progress"}
    assert alice_client.post(edit, data).status_code == 302
    resource.refresh_from_db()
    assert (resource.kind, resource.title) == ("person", "Ask Maria")
    delete = reverse("goals:resource-delete", args=[resource.public_id])
    assert "Delete this resource?" in alice_client.get(delete).content.decode()
    response = alice_client.post(delete, {"confirm": "on"}, headers=HX)
    assert "No resources yet" in response.content.decode()
    assert not Resource.objects.exists()


def test_another_planners_resources_are_not_found(alice_client, charlie):
    theirs = ResourceFactory(goal__owner=charlie, title="Theirs")
    data = {"kind": "book", "title": "Mine now", "status": "done", "confirm": "on"}
    assert alice_client.post(_create(theirs.goal), data).status_code == 404
    for name in ("goals:resource-edit", "goals:resource-status", "goals:resource-delete"):
        assert alice_client.post(reverse(name, args=[theirs.public_id]), data).status_code == 404
    theirs.refresh_from_db()
    assert (theirs.title, theirs.status) == ("Theirs", "todo")


def test_wrong_methods(alice_client, goal):
    resource = ResourceFactory(goal=goal)
    assert alice_client.get(_status(resource)).status_code == 405
    assert alice_client.put(_create(goal)).status_code == 405
    assert (
        alice_client.put(reverse("goals:resource-edit", args=[resource.public_id])).status_code
        == 405
    )
