"""Goals in words: deadlines and progress as the list and the goal page say them."""

from datetime import date
from decimal import Decimal

import pytest

from apps.goals.models import Goal
from apps.goals.presentation import deadline, progress_text

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize(
    ("target", "words", "overdue"),
    [
        (date(2026, 3, 10), "due today", False),
        (date(2026, 3, 11), "due tomorrow", False),
        (date(2026, 3, 22), "due in 12 days", False),
        (date(2026, 4, 9), "due in 4 weeks", False),
        (date(2026, 3, 9), "1 day overdue", True),
        (date(2026, 2, 1), "5 weeks overdue", True),
    ],
)
def test_an_open_goals_deadline_in_words(target, words, overdue):
    due = deadline(Goal(target_date=target, status="active"), TODAY)
    assert due is not None
    assert (due.text, due.overdue) == (words, overdue)


def test_a_closed_goal_names_its_date_and_is_never_overdue():
    due = deadline(Goal(target_date=date(2026, 1, 1), status="achieved"), TODAY)
    assert due is not None
    assert (due.text, due.overdue) == ("target date 1 Jan 2026", False)


def test_a_goal_without_a_date_has_no_deadline():
    assert deadline(Goal(target_date=None), TODAY) is None


def test_progress_of_a_measured_goal_in_words():
    goal = Goal(
        measure_kind="number",
        measure_unit="talks",
        baseline=Decimal("0.00"),
        target_value=Decimal("4.00"),
        current_value=Decimal("1.50"),
    )
    assert progress_text(goal) == "1.5 of 4 talks (from 0)"


def test_progress_by_milestones_in_words():
    goal = Goal(measure_kind="milestones")
    assert progress_text(goal) == "No milestones yet"
    goal.milestones_total, goal.milestones_done = 3, 1
    assert progress_text(goal) == "1 of 3 milestones done"
