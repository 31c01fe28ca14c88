"""Every element id is unique on every page: a label, a skip link or an aria-describedby that
points at an id reaches one element, never the first of two.

The pages are walked as the demo planner (a full plan, with milestones, obstacles, resources,
check-ins and a mentor) and as a newcomer (empty lists, every add-form on show), and as the
demo mentor reading a mentee's plan."""

import io
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse

from apps.accounts.models import User
from apps.goals.models import Goal
from apps.mentorship.models import Mentorship
from tests.factories import GoalFactory


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids[value] += 1


def duplicate_ids(html: str) -> list[str]:
    parser = _Ids()
    parser.feed(html)
    return sorted(name for name, count in parser.ids.items() if count > 1)


PLANNER_PAGES = [
    "dashboard:index",
    "goals:list",
    "plan:goal-create",
    "plan:matrix",
    "plan:timeline",
    "plan:calendar",
    "wins:list",
    "checkins:history",
    "checkins:schedule",
    "mentorship:home",
    "mentorship:invite",
    "accounts:settings",
    "assessment:overview",
    "assessment:values",
    "assessment:insights",
    "assessment:interests",
    "assessment:skills",
    "assessment:vision",
    "assessment:snapshots",
    "account_email",
    "account_change_password",
]


def _assert_unique(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, url
    assert duplicate_ids(response.content.decode()) == [], url


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=io.StringIO())
    return User.objects.get(email="planner@example.com")


@pytest.mark.parametrize("name", PLANNER_PAGES)
def test_a_planners_pages_have_unique_ids(client, demo, name):
    client.force_login(demo)
    _assert_unique(client, reverse(name))


def test_every_goal_page_and_its_forms_have_unique_ids(client, demo):
    client.force_login(demo)
    for goal in Goal.objects.filter(owner=demo):
        _assert_unique(client, reverse("plan:goal", args=[goal.public_id]))
        _assert_unique(client, reverse("goals:edit", args=[goal.public_id]))
        _assert_unique(client, reverse("milestones:list", args=[goal.public_id]))
        _assert_unique(client, reverse("goals:obstacle-create", args=[goal.public_id]))
        _assert_unique(client, reverse("goals:resource-create", args=[goal.public_id]))


def test_a_newcomers_empty_goal_page_has_unique_ids(client, charlie):
    """No obstacles, no resources, no milestones: every empty section with its way to add."""
    goal = GoalFactory(owner=charlie)
    client.force_login(charlie)
    _assert_unique(client, reverse("plan:goal", args=[goal.public_id]))
    _assert_unique(client, reverse("dashboard:index"))
    _assert_unique(client, reverse("goals:list"))


def test_a_mentors_pages_have_unique_ids(client, demo):
    mentor = User.objects.get(email="mentor@example.com")
    mentorship = Mentorship.objects.get(mentor=mentor, planner__email="planner@example.com")
    client.force_login(mentor)
    _assert_unique(client, reverse("mentorship:mentees"))
    _assert_unique(client, reverse("mentorship:mentee", args=[mentorship.public_id]))
