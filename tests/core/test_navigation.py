"""The main navigation marks where you are: the section (aria-current="true") for every page
under it, the page itself (aria-current="page") when it is the section's or a sub-page's own."""

import re

import pytest
from django.urls import reverse


def _current(page: str) -> list[tuple[str, str]]:
    wide = page.split('<div class="nav-wide">', 1)[1].split("</div>", 1)[0]
    return re.findall(r'<a href="[^"]*" aria-current="(\w+)">([^<]+)</a>', wide)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("dashboard:index", [("page", "Dashboard")]),
        ("goals:list", [("page", "Goals")]),
        ("plan:timeline", [("true", "Goals"), ("page", "Roadmap")]),
        ("wins:list", [("true", "Goals"), ("page", "Wins")]),
        ("plan:calendar", [("true", "Goals")]),
        ("checkins:schedule", [("true", "Check-ins")]),
        ("account_email", [("true", "Account")]),
        ("mentorship:invite", [("true", "Mentorship")]),
    ],
)
def test_the_current_section_and_page_are_marked(alice_client, name, expected):
    page = alice_client.get(reverse(name)).content.decode()
    assert _current(page) == expected


def test_the_phone_menu_names_the_section_and_lists_the_goal_views(alice_client):
    page = alice_client.get(reverse("plan:matrix")).content.decode()
    assert re.search(r"Menu<span class=\"nav-toggle-here\"> · Goals</span>", page)
    menu = page.split('<details class="nav-menu"', 1)[1]
    for label in ("Priorities", "Roadmap", "Wins", "Self-assessment", "Account"):
        assert f">{label}</a>" in menu
    assert 'aria-current="page">Priorities</a>' in menu


def test_signed_out_there_is_no_menu_only_the_way_in(client, db):
    page = client.get(reverse("account_login")).content.decode()
    assert "nav-menu" not in page
    assert ">Create your plan</a>" in page


def test_the_phone_menu_and_the_wide_row_list_the_same_sections_and_unread_count(
    alice_client, alice, bob
):
    from apps.mentorship.notices import KIND
    from apps.notifications.services import notify
    from tests.factories import GoalFactory

    notify(recipient=alice, kind=KIND, target=GoalFactory(owner=alice), actor=bob)
    page = alice_client.get(reverse("plan:timeline")).content.decode()
    panels = re.findall(r'<div class="nav-panel">.*?</form>\s*</div>', page, flags=re.S)
    assert len(panels) == 2
    assert panels[0] == panels[1]
    assert 'aria-current="page">Roadmap</a>' in panels[0]
    assert '<span class="nav-count">1<span class="visually-hidden"> unread' in panels[0]
