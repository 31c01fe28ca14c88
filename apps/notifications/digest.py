"""The daily digest: one email per person per local day with what is unread and not yet
emailed, for those who chose it.

The sweep claims due preferences with SELECT … FOR UPDATE SKIP LOCKED, writes one
`DigestDelivery` per (person, local day) — unique, so a second claim of the day is a no-op —
only for people with something waiting, moves `next_digest_at` to the next morning, and queues
the sends after commit. Sending claims the digest row, attaches the waiting notifications to it
(so a notification is in one digest at most) and sends only what the person may still see.
"""

from datetime import datetime

from django.db import transaction
from django.utils.timezone import now as timezone_now

from apps.notifications import emails, registry
from apps.notifications.models import (
    DeliveryStatus,
    DigestDelivery,
    EmailChoice,
    MailState,
    Notification,
    NotificationPreference,
)
from apps.notifications.outbox import LEASE, MAX_ATTEMPTS, backoff, send_message
from apps.notifications.stop_links import stop_url

# A digest lists this many notifications at most; the rest wait in the app.
DIGEST_LIMIT = 50


def claim_due_digests(now: datetime, batch_size: int) -> tuple[int, list[int]]:
    """Claim one batch of due digests; returns (claimed, ids of new digest rows)."""
    due = list(
        NotificationPreference.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("owner")
        .filter(email=EmailChoice.DIGEST, next_digest_at__lte=now)
        .order_by("next_digest_at")[:batch_size]
    )
    if not due:
        return 0, []
    waiting = set(
        Notification.objects.filter(
            recipient__in=[p.owner_id for p in due], mail_state=MailState.DIGEST, read_at=None
        ).values_list("recipient_id", flat=True)
    )
    rows = [
        DigestDelivery(
            user_id=p.owner_id, day=p.next_digest_day, next_attempt_at=now, queued_at=now
        )
        for p in due
        if p.owner_id in waiting and p.owner.is_active
    ]
    created = DigestDelivery.objects.bulk_create(rows, ignore_conflicts=True)
    # ignore_conflicts leaves no primary keys: read back this claim's rows.
    ids = list(
        DigestDelivery.objects.filter(
            user_id__in=[r.user_id for r in created], created_at=now, status=DeliveryStatus.PENDING
        ).values_list("id", flat=True)
    )
    for prefs in due:
        prefs.set_next_digest(prefs.owner.timezone, now)
    NotificationPreference.objects.bulk_update(due, ["next_digest_at", "next_digest_day"])
    return len(due), ids


def _claim(digest_id: int, now: datetime) -> DigestDelivery | None:
    with transaction.atomic():
        digest = (
            DigestDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user")
            .filter(pk=digest_id, status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
            .first()
        )
        if digest is None:
            return None
        if not digest.user.is_active:
            digest.status = DeliveryStatus.SKIPPED
            digest.save(update_fields=["status"])
            return None
        waiting = Notification.objects.filter(
            recipient=digest.user, mail_state=MailState.DIGEST, digest=None
        )
        Notification.objects.filter(pk__in=waiting.values("pk")).update(digest=digest)
        digest.status = DeliveryStatus.SENDING
        digest.attempts += 1
        digest.lease_expires_at = now + LEASE
        digest.save(update_fields=["status", "attempts", "lease_expires_at"])
        return digest


def _finish(digest: DigestDelivery, status: str, **changes: object) -> bool:
    return bool(
        DigestDelivery.objects.filter(pk=digest.pk, status=DeliveryStatus.SENDING).update(
            status=status, lease_expires_at=None, **changes
        )
    )


def digest_send(*, digest_id: int, now: datetime | None = None) -> str:
    now = now or timezone_now()
    digest = _claim(digest_id, now)
    if digest is None:
        return DeliveryStatus.SKIPPED
    attached = Notification.objects.filter(digest=digest, read_at=None).select_related("actor")
    rows = list(attached.order_by("-created_at", "-id")[: DIGEST_LIMIT + 1])
    items = registry.describe_all(digest.user, rows[:DIGEST_LIMIT])
    if not items:
        _finish(digest, DeliveryStatus.SKIPPED)
        _settle(digest, [], now)
        return DeliveryStatus.SKIPPED
    link = stop_url(user=digest.user)
    more = len(rows) > DIGEST_LIMIT
    message = emails.digest_email(digest.user, items, stop_url=link, more=more)
    error, permanent = send_message(message)
    if error is None:
        if _finish(digest, DeliveryStatus.SENT, sent_at=now, last_error=""):
            _settle(digest, [n.pk for n, _ in items], now)
        return DeliveryStatus.SENT
    if permanent or digest.attempts >= MAX_ATTEMPTS:
        _finish(digest, DeliveryStatus.FAILED, last_error=error)
        # Not lost: they wait for tomorrow's digest.
        Notification.objects.filter(digest=digest, mail_state=MailState.DIGEST).update(digest=None)
        return DeliveryStatus.FAILED
    retry_at = now + backoff(digest.attempts)
    _finish(
        digest, DeliveryStatus.PENDING, last_error=error, next_attempt_at=retry_at, queued_at=None
    )
    return DeliveryStatus.PENDING


def _settle(digest: DigestDelivery, sent: list[int], now: datetime) -> None:
    """What went out is emailed; the rest of this digest (read meanwhile, no longer visible,
    past the limit) was not, and is never emailed later either."""
    attached = Notification.objects.filter(digest=digest, mail_state=MailState.DIGEST)
    attached.filter(pk__in=sent).update(mail_state=MailState.SENT, emailed_at=now)
    attached.exclude(pk__in=sent).update(mail_state=MailState.SKIPPED)
