"""Preparing downloads of a planner's data, and bringing an export into an empty account."""

import gzip
from datetime import datetime
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from apps.accounts.models import User
from apps.assessment.models import (
    CareerValue,
    Insight,
    InterestResult,
    Reflection,
    Skill,
    Snapshot,
    VisionVersion,
)
from apps.checkins.models import CheckIn
from apps.goals.models import Goal, Win
from apps.portability import audit_events, document
from apps.portability.encoding import Refused
from apps.portability.models import LINK_LIFETIME, DataExport, ExportStatus
from apps.portability.registry import IdMap
from apps.portability.sections import registered


def export_request(*, user: User) -> DataExport:
    """A new download; a small plan's is ready at once, a large one's is queued."""
    with transaction.atomic():
        export = DataExport.objects.create(owner=user)
        if Goal.objects.owned_by(user).count() <= settings.DATA_EXPORT_INLINE_GOALS:
            _fill(export)
        else:
            from apps.portability.tasks import build_export

            transaction.on_commit(partial(build_export.delay, export.pk))
    return export


def _fill(export: DataExport, now: datetime | None = None) -> None:
    content = document.to_bytes(document.build(export.owner))
    now = now or timezone.now()
    export.content = gzip.compress(content)
    export.size = len(content)
    export.status = ExportStatus.READY
    export.ready_at = now
    export.expires_at = now + LINK_LIFETIME
    export.save()


def export_build(*, export_id: int) -> None:
    """The worker's half: write the document of a queued download (once, if queued twice)."""
    with transaction.atomic():
        export = (
            DataExport.objects.select_for_update()
            .select_related("owner")
            .filter(pk=export_id, status=ExportStatus.PREPARING)
            .first()
        )
        if export is not None:
            _fill(export)


def export_content(export: DataExport) -> bytes:
    return gzip.decompress(bytes(export.content))


def exports_purge(*, now: datetime | None = None) -> int:
    """Forget files whose link has expired, and downloads a lost task left half-way."""
    now = now or timezone.now()
    expired = DataExport.objects.filter(expires_at__lte=now)
    stuck = DataExport.objects.filter(
        status=ExportStatus.PREPARING, created_at__lte=now - LINK_LIFETIME
    )
    return expired.delete()[0] + stuck.delete()[0]


def account_is_empty(user: User) -> bool:
    plan = (Goal, Win, CheckIn)
    assessment = (Insight, CareerValue, Skill, Reflection, InterestResult, VisionVersion, Snapshot)
    return not any(m.objects.owned_by(user).exists() for m in (*plan, *assessment))


def import_plan(*, user: User, raw: bytes, request: HttpRequest | None = None) -> None:
    """Everything of the file in the account, in one transaction, or nothing and the reason;
    the import is noted in the person's security log."""
    parsed = document.parse(raw)
    if not account_is_empty(user):
        raise document.Unreadable(
            "Your account already holds a plan; an export can only be brought into an empty one."
        )
    ids = IdMap()
    try:
        with transaction.atomic():
            for section in registered():
                # A section added to version 1 later (comments) may be absent from older files.
                if section.load is not None and section.key in parsed:
                    section.load(user, parsed[section.key], ids)
            audit_events.imported(user=user, request=request, document=parsed)
    except Refused as refused:
        raise document.Unreadable(
            f"Nothing was imported: {refused.where} {refused.message}"
        ) from None
    except IntegrityError:
        raise document.Unreadable(
            "Nothing was imported: the file holds two entries where one is allowed "
            "(the same goal twice in a check-in, or two values with the same name or rank)."
        ) from None
