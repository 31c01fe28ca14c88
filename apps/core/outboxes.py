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

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone

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


def locked_failed(failed_rows: QuerySet[Any], row_id: int, *, person: str, gone: str) -> Any:
    """Row `row_id` among an outbox's failed rows, locked for its retry, with the person it is
    for (`person`, the relation's name); ValidationError(`gone`) when it is not failed any more."""
    row = (
        failed_rows.select_for_update(of=("self",)).select_related(person).filter(pk=row_id).first()
    )
    if row is None:
        raise ValidationError(gone)
    return row


def back_to_pending(row: Any, **state: Any) -> None:
    """As a temporary failure leaves a row (`state` names its pending state): due now, with a
    fresh count of attempts, so the next sweep queues it and the send checks it is wanted."""
    type(row).objects.filter(pk=row.pk).update(
        **state, next_attempt_at=timezone.now(), queued_at=None, attempts=0
    )
