"""Goals and milestones as CSV: every cell a spreadsheet would run as a formula is made text."""

import csv
import io

from django.urls import reverse

from apps.portability.spreadsheet import safe_cell
from tests.factories import GoalFactory, MilestoneFactory


def _rows(client, name: str) -> list[list[str]]:
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_formula_cells_are_neutralised_and_nul_dropped():
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("+SUM(A1)") == "'+SUM(A1)"
    assert safe_cell("-2+3") == "'-2+3"
    assert safe_cell("@cmd") == "'@cmd"
    assert safe_cell("\tTab") == "'\tTab"
    assert safe_cell("\rReturn") == "'\rReturn"
    assert safe_cell("Plain title") == "Plain title"
    assert safe_cell("Mid = sign") == "Mid = sign"
    assert safe_cell("a\x00b") == "ab"
    assert safe_cell("\x00=x") == "'=x"
    assert safe_cell(None) == ""


def test_the_goals_file_lists_my_goals_with_injection_escaped(alice_client, alice, charlie):
    GoalFactory(owner=alice, title='=HYPERLINK("http://evil.example","Click")')
    GoalFactory(owner=alice, title="Become a team lead")
    GoalFactory(owner=charlie, title="Charlie's goal")
    header, *rows = _rows(alice_client, "portability:goals-csv")
    assert header[0] == "title"
    assert [row[0] for row in rows] == [
        '\'=HYPERLINK("http://evil.example","Click")',
        "Become a team lead",
    ]


def test_the_milestones_file_names_each_milestones_goal(alice_client, alice, charlie):
    goal = GoalFactory(owner=alice, title="Certificate")
    MilestoneFactory(goal=goal, title="@SUM(1)")
    MilestoneFactory(goal=GoalFactory(owner=charlie), title="Charlie's milestone")
    header, *rows = _rows(alice_client, "portability:milestones-csv")
    assert header[:2] == ["goal", "title"]
    assert [row[:2] for row in rows] == [["Certificate", "'@SUM(1)"]]
