"""What Your data writes to the person's security log: every copy of their data that leaves
the site (the JSON file, a CSV, the PDF of the plan) and every import. The format and counts,
never plan text, so that someone who takes over a session cannot copy a plan unseen."""

from django.http import HttpRequest

from apps.accounts.audit import record
from apps.accounts.models import AuditKind, User


def downloaded(*, user: User, request: HttpRequest, what: str) -> None:
    record(kind=AuditKind.EXPORTED, user=user, request=request, detail=what)


def pdf_downloaded(*, user: User, request: HttpRequest) -> None:
    record(kind=AuditKind.PLAN_PDF, user=user, request=request, detail="The printable plan")


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def imported(*, user: User, request: HttpRequest | None, document: dict) -> None:
    notes = sum(1 for c in document.get("comments", []) if c["kind"] == "own_note")
    counts = [
        _count(len(document["goals"]), "goal"),
        _count(len(document["checkins"]["checkins"]), "check-in"),
        _count(notes, "note"),
    ]
    record(kind=AuditKind.IMPORTED, user=user, request=request, detail=", ".join(counts))
