"""Action steps: the checklist under each milestone."""

import json
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from apps.milestones.models import ActionStep
from tests.factories import ActionStepFactory, MilestoneFactory
from tests.milestones.conftest import HTMX


def url(name, obj):
    return reverse(f"milestones:{name}", kwargs={"public_id": obj.public_id})


@pytest.fixture
def milestone(goal):
    return MilestoneFactory(goal=goal, title="Pass the exam")


def test_add_step_with_htmx_answers_with_the_milestone_row(alice_client, milestone):
    data = {"title": "Buy the study guide", "due_date": "2030-05-01"}
    response = alice_client.post(url("step-create", milestone), data, headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.strip().startswith(f'<li id="milestone-{milestone.public_id}"')
    assert "Buy the study guide" in page
    assert "0 of 1 step done" in page
    assert '<details class="add-step" open>' in page  # ready for the next step
    step = milestone.steps.get()
    assert str(step.due_date) == "2030-05-01"


def test_add_step_without_javascript_redirects(alice_client, milestone, goal):
    response = alice_client.post(url("step-create", milestone), {"title": "Read chapter 1"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#milestone-{milestone.public_id}")
    assert milestone.steps.get().title == "Read chapter 1"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": ""}, "Say what the step is."),
        ({"title": "x" * 100_000}, "at most 200 characters"),
        ({"title": "Ok", "due_date": "31/31/2030"}, "Enter a date like"),
    ],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_bad_step_is_refused_next_to_its_field(alice_client, milestone, data, message, headers):
    other = MilestoneFactory(goal=milestone.goal)
    response = alice_client.post(url("step-create", milestone), data, headers=headers)
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page
    assert f'aria-describedby="new-step-{milestone.public_id}-' in page
    # The errors sit under this milestone's form, not under the others'.
    assert f'id="new-step-{other.public_id}-title_error"' not in page
    assert f'id="new-step-{other.public_id}-due_date_error"' not in page
    assert not ActionStep.objects.exists()


def test_tick_step_answers_with_the_row_and_the_new_count(alice_client, milestone):
    step = ActionStepFactory(milestone=milestone, title="Read")
    ActionStepFactory(milestone=milestone)
    response = alice_client.post(url("step-done", step), {"done": "1"}, headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith(f'<li id="step-{step.public_id}" class="step is-done">')
    assert "hx-swap-oob" not in page
    # The count lives in the milestone's row, which fetches it when told the steps changed.
    assert json.loads(response["HX-Trigger"]) == {"steps-changed": {"milestone": milestone.pid}}
    assert "1 of 2 steps done" in alice_client.get(url("list", milestone.goal)).content.decode()
    step.refresh_from_db()
    assert step.done_at is not None
    response = alice_client.post(url("step-done", step), {"done": "0"}, headers=HTMX)
    assert "steps-changed" in response["HX-Trigger"]
    assert "0 of 2 steps done" in alice_client.get(url("list", milestone.goal)).content.decode()
    step.refresh_from_db()
    assert step.done_at is None


def test_the_count_listens_to_its_own_milestone_only(alice_client, milestone):
    ActionStepFactory(milestone=milestone)
    page = alice_client.get(url("list", milestone.goal)).content.decode()
    assert 'hx-trigger="steps-changed from:closest li.milestone"' in page
    assert f'hx-select="#steps-count-{milestone.public_id}"' in page


def test_ticking_a_step_is_not_a_milestone(alice_client, milestone):
    step = ActionStepFactory(milestone=milestone)
    alice_client.post(url("step-done", step), {"done": "1"})
    milestone.refresh_from_db()
    assert milestone.done_at is None


def test_edit_step_in_place(alice_client, milestone):
    step = ActionStepFactory(milestone=milestone, title="Old")
    page = alice_client.get(url("step-edit", step), headers=HTMX).content.decode()
    assert page.strip().startswith(f'<li id="step-{step.public_id}" class="step is-editing">')
    response = alice_client.post(
        url("step-edit", step), {"title": "New", "due_date": "2030-01-02"}, headers=HTMX
    )
    assert response.status_code == 200
    assert "New" in response.content.decode()
    step.refresh_from_db()
    assert (step.title, str(step.due_date)) == ("New", "2030-01-02")


def test_bad_step_edit_changes_nothing(alice_client, milestone):
    step = ActionStepFactory(milestone=milestone, title="Keep")
    response = alice_client.post(url("step-edit", step), {"title": ""})
    assert response.status_code == 422
    assert "<h1>Edit step</h1>" in response.content.decode()
    step.refresh_from_db()
    assert step.title == "Keep"


def _titles(milestone):
    return list(milestone.steps.order_by("position").values_list("title", flat=True))


def test_move_steps(alice_client, milestone):
    a, b = (
        ActionStepFactory(milestone=milestone, title="A"),
        ActionStepFactory(milestone=milestone, title="B"),
    )
    response = alice_client.post(url("step-move", b), {"direction": "up"}, headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index(f"step-{b.public_id}") < page.index(f"step-{a.public_id}")
    assert _titles(milestone) == ["B", "A"]
    alice_client.post(url("step-move", b), {"direction": "down"})
    assert _titles(milestone) == ["A", "B"]
    assert alice_client.post(url("step-move", b), {}).status_code == 422


def test_delete_step_asks_without_javascript(alice_client, milestone):
    step = ActionStepFactory(milestone=milestone, title="Drop")
    page = alice_client.get(url("step-delete", step)).content.decode()
    assert "Delete this step?" in page
    assert "“Drop”" in page
    assert f"A step towards “{milestone.title}”." in page
    assert alice_client.post(url("step-delete", step), {}).status_code == 422
    assert milestone.steps.exists()
    response = alice_client.post(url("step-delete", step), {"confirm": "yes"}, headers=HTMX)
    assert response.status_code == 200
    assert "Drop" not in response.content.decode()
    assert not milestone.steps.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("step-edit", {"title": "Mine now"}),
        ("step-done", {"done": "1"}),
        ("step-move", {"direction": "up"}),
        ("step-delete", {"confirm": "yes"}),
    ],
)
def test_a_stranger_gets_404_for_every_step_url(client, charlie, milestone, name, data):
    step = ActionStepFactory(milestone=milestone, title="Alice's")
    client.force_login(charlie)
    assert client.get(url(name, step)).status_code in (404, 405)
    assert client.post(url(name, step), data, headers=HTMX).status_code == 404
    step.refresh_from_db()
    assert (step.title, step.done_at) == ("Alice's", None)


def test_cannot_add_a_step_to_a_strangers_milestone(client, charlie, milestone):
    client.force_login(charlie)
    response = client.post(url("step-create", milestone), {"title": "Sneaky"})
    assert response.status_code == 404
    assert not ActionStep.objects.exists()


@pytest.mark.parametrize("name", ["step-done", "step-move"])
def test_step_actions_refuse_get(alice_client, milestone, name):
    assert alice_client.get(url(name, ActionStepFactory(milestone=milestone))).status_code == 405


def test_the_add_step_form_opens_when_asked_for(alice_client, milestone, goal):
    """Until asked for, each milestone offers a link, not a form; the link brings the form
    (for HTMX just the form, without JavaScript the milestones page with it open under this
    milestone only), its field focused."""
    other = MilestoneFactory(goal=goal, title="Lead a project")
    page = alice_client.get(reverse("plan:goal", args=[goal.public_id])).content.decode()
    assert f'id="new-step-{milestone.public_id}-title"' not in page
    assert f'<a href="{url("step-create", milestone)}"' in page
    assert f'<a href="{url("step-create", other)}"' in page

    fragment = alice_client.get(url("step-create", milestone), headers=HTMX).content.decode()
    assert fragment.lstrip().startswith('<details class="add-step" open>')
    assert fragment.count("autofocus") == 1
    assert '<input autofocus type="text" name="title"' in fragment
    assert f'action="{url("step-create", milestone)}"' in fragment

    whole = alice_client.get(url("step-create", milestone)).content.decode()
    assert "<h1>" in whole
    assert whole.count("autofocus") == 1
    assert f'id="new-step-{milestone.public_id}-title"' in whole
    assert f'id="new-step-{other.public_id}-title"' not in whole
    assert f'<a href="{url("step-create", other)}"' in whole


def test_done_steps_show_no_due_date(alice_client, milestone, goal):
    ActionStepFactory(
        milestone=milestone, title="Finished", due_date="2001-01-01", done_at=datetime.now(UTC)
    )
    page = alice_client.get(url("list", goal)).content.decode()
    assert "Overdue" not in page
