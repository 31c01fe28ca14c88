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
