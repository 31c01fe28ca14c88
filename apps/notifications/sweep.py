"""The notification mail sweep, every minute from beat: write the digests that are due, and
re-queue what the broker lost or what is due for a retry, and expire dead leases — for single
notification emails and digests alike."""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.db import transaction
from django.utils.timezone import now as timezone_now

from apps.notifications import delivery, tasks
from apps.notifications.digest import claim_due_digests
from apps.notifications.models import DeliveryStatus, DigestDelivery, MailState, Notification

logger = logging.getLogger(__name__)

BATCH = 1_000
# A pending row not picked up this long after queuing was lost from the broker.
REQUEUE_AFTER = timedelta(minutes=5)


@dataclass
class SweepResult:
    digests: int = 0
    queued: int = 0
    expired: int = 0


def queue_digests(ids: list[int]) -> None:
    try:
        for digest_id in ids:
            tasks.send_digest.delay(digest_id)
    except Exception:
        logger.warning("Could not queue %d digests; the sweep will retry.", len(ids))


def _recover(model, state_field: str, pending: str, sending: str, unknown: str, now: datetime):
    with transaction.atomic():
        expired = model.objects.filter(
            **{state_field: sending, "lease_expires_at__lt": now}
        ).update(**{state_field: unknown, "lease_expires_at": None})
        stale = model.objects.select_for_update(skip_locked=True).filter(
            **{state_field: pending, "next_attempt_at__lte": now}
        )
        stale = stale.exclude(queued_at__gt=now - REQUEUE_AFTER)
        ids = list(stale.values_list("id", flat=True)[:BATCH])
        model.objects.filter(id__in=ids).update(queued_at=now)
    return ids, expired


def notification_mail_sweep(*, now: datetime | None = None, batch_size: int = BATCH) -> SweepResult:
    now = now or timezone_now()
    result = SweepResult()
    while True:
        with transaction.atomic():
            claimed, created = claim_due_digests(now, batch_size)
            transaction.on_commit(partial(queue_digests, created))
        result.digests += len(created)
        result.queued += len(created)
        if claimed < batch_size:
            break
    ids, expired = _recover(
        Notification, "mail_state", MailState.PENDING, MailState.SENDING, MailState.UNKNOWN, now
    )
    delivery.queue_emails(ids)
    result.queued, result.expired = result.queued + len(ids), expired
    ids, expired = _recover(
        DigestDelivery,
        "status",
        DeliveryStatus.PENDING,
        DeliveryStatus.SENDING,
        DeliveryStatus.UNKNOWN,
        now,
    )
    queue_digests(ids)
    result.queued, result.expired = result.queued + len(ids), result.expired + expired
    return result
