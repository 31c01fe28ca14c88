"""The export is a list of sections, each owning one key of the document.

A section knows how to write the planner's rows of its part (`dump`) and, when the part can be
brought back, how to create them in an empty account (`load`). Sections load in their
`order`, so one may refer to rows an earlier one created through the shared `IdMap`.

A section only ever reads rows that the planner owns (`owned_by`), never `visible_to`: an
export must not widen when its author also mentors someone. Whatever a mentor wrote for
themselves (private notes) belongs to the mentor and is never part of the planner's export; a
section for comments on the plan takes only the comments the planner can read on their plan.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from apps.accounts.models import User
from apps.portability.encoding import Refused


@dataclass
class IdMap:
    """The file's ids → the rows created for them in this import, per kind."""

    rows: dict[str, dict[str, models.Model]] = field(default_factory=dict)

    def add(self, kind: str, old_id: str, row: models.Model) -> None:
        self.rows.setdefault(kind, {})[old_id] = row

    def get(self, kind: str, old_id: str | None, where: str) -> Any:
        if old_id is None:
            return None
        try:
            return self.rows[kind][old_id]
        except KeyError:
            raise Refused(where, f"refers to a {kind} that is not in this file.") from None


@dataclass(frozen=True)
class Section:
    key: str
    # Load order: lower first (the plan before the check-ins that name its goals).
    order: int
    dump: Callable[[User], Any]
    # None: exported for the planner's records, not brought back by an import.
    load: Callable[[User, Any, IdMap], None] | None = None


SECTIONS: list[Section] = []


def register(section: Section) -> None:
    if any(s.key == section.key for s in SECTIONS):
        raise ValueError(f"Section {section.key!r} is registered twice.")
    SECTIONS.append(section)
