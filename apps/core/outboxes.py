"""Every app that sends mail from an outbox of its own registers it here, so the staff console
lists and retries failed mail from all of them without importing the apps that send it (they
sit above the console in the layering).

An outbox gives three callables:
- `failed()`: its failed rows, newest first, in one query (select what `describe` reads);
- `describe(row)`: plain fields for the console — never plan text or a notification's words;
- `retry(row_id)`: put a failed row back exactly as its own retry path would, so its next
  sweep sends it once; returns the person the mail is for, or raises ValidationError when the
  row is not failed any more. Runs in the caller's transaction. (Typed Any: the user model
  lives above this app.)
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import QuerySet

# Sliced by the console before it is read: a queryset keeps that to one query.
Rows = QuerySet[Any] | Sequence[Any]


@dataclass(frozen=True)
class FailedMail:
    outbox: str
    row_id: int
    recipient: str
    what: str
    when: datetime
    attempts: int
    error: str


@dataclass(frozen=True)
class Outbox:
    name: str
    label: str
    failed: Callable[[], Rows]
    describe: Callable[[Any], FailedMail]
    retry: Callable[[int], Any]
    count: Callable[[], int]


_OUTBOXES: dict[str, Outbox] = {}


def register_outbox(
    name: str,
    *,
    label: str,
    failed: Callable[[], Rows],
    describe: Callable[[Any], FailedMail],
    retry: Callable[[int], Any],
    count: Callable[[], int],
) -> None:
    # Registering the same name again (a reloaded AppConfig) replaces it rather than doubling.
    _OUTBOXES[name] = Outbox(name, label, failed, describe, retry, count)


def outboxes() -> list[Outbox]:
    return list(_OUTBOXES.values())


def outbox(name: str) -> Outbox | None:
    return _OUTBOXES.get(name)
