"""Updating a number-tracked goal from its page: plain form and HTMX, each change in the
history, and one measure of progress on the page."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.goals.services import goal_record_progress
from tests.factories import GoalFactory, MilestoneFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture
def running(alice):
    return GoalFactory(
        owner=alice,
        title="Run 10 km",
        measure_kind="number",
        measure_unit="km",
        baseline=Decimal(2),
        target_value=Decimal(10),
        current_value=Decimal(2),
    )


def _page(goal):
    return reverse("plan:goal", kwargs={"public_id": goal.public_id})


def _update(goal):
    return reverse("plan:goal-progress", kwargs={"public_id": goal.public_id})


def test_the_page_offers_an_update_progress_form(alice_client, running):
    page = alice_client.get(_page(running)).content.decode()
    assert "<summary>Update progress</summary>" in page
    assert f'action="{_update(running)}"' in page
    assert 'name="value"' in page


def test_a_plain_update_moves_the_number_and_lands_in_the_history(alice_client, running):
    response = alice_client.post(_update(running), {"value": "6", "note": "Long run on Sunday"})

    assert response.status_code == 302
    assert response["Location"] == f"{_page(running)}#plan-heading"
    running.refresh_from_db()
    assert running.current_value == Decimal(6)
    page = alice_client.get(_page(running)).content.decode()
    assert "Progress updated: 6 of 10 km (from 2)." in page
    history = page[page.index('id="history"') :]
    assert "<strong>Progress:</strong> 2 <span" in history
    assert "→</span> 6</li>" in history
    assert "Why: “Long run on Sunday”" in history


def test_an_htmx_update_answers_with_the_progress_and_tells_the_history(alice_client, running):
    response = alice_client.post(_update(running), {"value": "4"}, headers=HTMX)

    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="goal-number"')
    assert "4 of 10 km" in page
    assert 'hx-swap-oob="innerHTML"' in page  # the flash message
    assert response["HX-Trigger"] == "goal-history"
    history = alice_client.get(_page(running)).content.decode()
    assert 'hx-trigger="goal-history from:body"' in history


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_missing_number_is_explained_at_the_field(alice_client, running, headers):
    response = alice_client.post(_update(running), {"value": ""}, headers=headers)
    assert response.status_code == 422
    assert "Enter the number you have reached." in response.content.decode()
    running.refresh_from_db()
    assert running.current_value == Decimal(2)


def test_a_milestone_goal_has_no_number_to_update(alice, alice_client):
    goal = GoalFactory(owner=alice)
    assert "Update progress" not in alice_client.get(_page(goal)).content.decode()
    assert alice_client.post(_update(goal), {"value": "3"}).status_code == 422
    with pytest.raises(ValidationError):
        goal_record_progress(goal=goal, by=alice, value=Decimal(3))


def test_one_measure_of_progress_on_a_number_goal(alice_client, running):
    MilestoneFactory(goal=running, done_at="2026-01-01T00:00Z")
    MilestoneFactory(goal=running)
    page = alice_client.get(_page(running)).content.decode()
    # One bar, the number's; the milestones are a count that says what counts.
    assert page.count("<progress ") == 1
    assert "1 of 2</strong> milestones reached — your progress counts by your number." in page
    assert "this number is what your progress counts" in page


def test_a_check_in_records_its_progress_in_the_history(alice_client, running):
    review = alice_client.post(reverse("checkins:start"))["Location"]
    data = {f"value_{running.public_id.hex}": "5", "complete": "1"}
    assert alice_client.post(review, data).status_code == 302

    history = alice_client.get(_page(running)).content.decode()
    assert "Why: “From your check-in.”" in history


def test_counts_show_as_people_write_them(alice_client, running):
    edit = alice_client.get(reverse("goals:edit", kwargs={"public_id": running.public_id}))
    goal_page = alice_client.get(_page(running))
    review = alice_client.get(alice_client.post(reverse("checkins:start"))["Location"])

    for response in (edit, goal_page, review):
        page = response.content.decode()
        assert response.status_code == 200
        assert 'value="2"' in page
        assert 'value="2.00"' not in page
    assert 'value="10"' in edit.content.decode()
