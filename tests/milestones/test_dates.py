"""Milestone and step dates: the impossible refused, the unlikely questioned once, with why."""

import html
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from apps.milestones.models import Milestone
from tests.factories import GoalFactory, MilestoneFactory
from tests.milestones.conftest import HTMX

TARGET = date.today() + timedelta(days=120)


def url(name, obj):
    return reverse(f"milestones:{name}", kwargs={"public_id": obj.public_id})


@pytest.fixture
def dated_goal(alice):
    return GoalFactory(owner=alice, title="Get certified", target_date=TARGET)


def _field_error(page: str, field_id: str) -> str:
    """The error text tied to a field by aria-describedby."""
    field = re.search(rf'<input[^>]*id="{field_id}"[^>]*>', page)
    assert field, page
    assert 'aria-invalid="true"' in field.group(0)
    assert f'aria-describedby="{field_id}_error"' in field.group(0)
    match = re.search(rf'id="{field_id}_error"[^>]*>(.*?)</', page, re.S)
    assert match, page
    return html.unescape(match.group(1))


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_date_before_the_goal_was_set_is_refused(alice_client, dated_goal, headers):
    response = alice_client.post(
        url("create", dated_goal), {"title": "Old", "due_date": "2020-03-01"}, headers=headers
    )

    assert response.status_code == 422
    error = _field_error(response.content.decode(), "new-milestone-due_date")
    assert "before you set this goal" in error
    assert not Milestone.objects.exists()


def test_a_year_far_ahead_is_refused_as_a_slip(alice_client, dated_goal):
    response = alice_client.post(
        url("create", dated_goal), {"title": "x", "due_date": "2999-01-01"}
    )

    assert response.status_code == 422
    assert "typing slip" in _field_error(response.content.decode(), "new-milestone-due_date")


def test_a_date_after_the_goal_is_questioned_then_kept_when_confirmed(alice_client, dated_goal):
    late = (TARGET + timedelta(days=400)).isoformat()
    data = {"title": "Celebrate", "due_date": late}

    first = alice_client.post(url("create", dated_goal), data)

    assert first.status_code == 422
    page = first.content.decode()
    error = _field_error(page, "new-milestone-due_date")
    assert "after your goal's target date" in error
    assert "Keep this date anyway" in page
    assert 'name="keep_date"' in page
    assert not Milestone.objects.exists()

    second = alice_client.post(url("create", dated_goal), {**data, "keep_date": "on"})

    assert second.status_code == 302
    assert str(Milestone.objects.get().due_date) == late


def test_the_empty_add_form_offers_no_keep_box(alice_client, dated_goal):
    page = alice_client.get(reverse("plan:goal", kwargs={"public_id": dated_goal.public_id}))
    assert 'name="keep_date"' not in page.content.decode()


def test_an_unchanged_old_date_does_not_block_an_edit(alice_client, dated_goal):
    milestone = MilestoneFactory(goal=dated_goal, title="Old", due_date=date(2020, 3, 1))
    response = alice_client.post(
        url("edit", milestone), {"title": "Renamed", "due_date": "2020-03-01"}
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.title == "Renamed"


def test_step_dates_follow_the_same_rule(alice_client, dated_goal):
    milestone = MilestoneFactory(goal=dated_goal)
    response = alice_client.post(
        url("step-create", milestone), {"title": "Read", "due_date": "2020-01-01"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "before you set this goal" in _field_error(
        page, f"new-step-{milestone.public_id}-due_date"
    )


def test_a_goal_target_date_far_ahead_is_refused(alice_client, dated_goal):
    response = alice_client.post(
        reverse("goals:edit", kwargs={"public_id": dated_goal.public_id}),
        {"title": dated_goal.title, "target_date": "2999-01-01"},
    )
    assert response.status_code == 422
    assert "typing slip" in response.content.decode()
