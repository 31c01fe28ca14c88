"""Goals and milestones as CSV, safe to open in a spreadsheet.

A cell that begins with = + - @, a tab or a carriage return is read by spreadsheet programs
as a formula (which can fetch URLs or run commands), so such a cell gets a leading apostrophe,
which they show as text; NUL characters are dropped.
"""

import csv
import io
from collections.abc import Iterable
from typing import Any

from apps.accounts.models import User
from apps.goals.models import Goal
from apps.milestones.models import Milestone
from apps.portability.encoding import encode

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

GOAL_COLUMNS = (
    "title", "status", "goal_type", "horizon", "target_date", "measure_kind", "measure_unit",
    "baseline", "target_value", "current_value", "urgent", "important", "description",
)  # fmt: skip
MILESTONE_COLUMNS = ("goal", "title", "due_date", "done_at", "description")


def safe_cell(value: Any) -> str:
    text = "" if value is None else str(encode(value))
    text = text.replace("\x00", "")
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _write(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def goals_csv(user: User) -> str:
    goals = Goal.objects.owned_by(user).order_by("position", "created_at")
    return _write(GOAL_COLUMNS, ([getattr(g, c) for c in GOAL_COLUMNS] for g in goals))


def milestones_csv(user: User) -> str:
    milestones = (
        Milestone.objects.owned_by(user)
        .select_related("goal")
        .order_by("goal__position", "goal__created_at", "position", "created_at")
    )
    return _write(
        MILESTONE_COLUMNS,
        ([m.goal.title, m.title, m.due_date, m.done_at, m.description] for m in milestones),
    )
