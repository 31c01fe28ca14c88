"""Snapshots: the whole assessment, kept as it stood on a day."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.assessment import state
from apps.assessment.models import Snapshot
from apps.assessment.services.common import checked_save, clean_text


@transaction.atomic
def snapshot_take(*, owner: User, note: str = "", taken_at: datetime | None = None) -> Snapshot:
    """Keep the assessment as it is now. `taken_at` dates it otherwise (the demo's past)."""
    snapshot = Snapshot(
        owner=owner,
        note=clean_text(note, field="note"),
        data=state.as_data(state.load(owner)),
        taken_at=taken_at or timezone.now(),
    )
    checked_save(snapshot)
    return snapshot


@transaction.atomic
def snapshot_delete(*, snapshot: Snapshot) -> None:
    snapshot.delete()
