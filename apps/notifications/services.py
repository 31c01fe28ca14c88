"""Writing notifications and the recipient's choices about them.

`notify` is what other apps call. It is safe inside their transaction: the row is written in
it (so a rollback leaves no notification) and the email is queued only after commit.
"""

from datetime import datetime
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.timezone import now as timezone_now

from apps.accounts.models import User
from apps.core.ratelimit import wait_for
from apps.notifications import delivery, registry
from apps.notifications.models import (
    EmailChoice,
    MailState,
    Notification,
    NotificationPreference,
)


def email_choice_of(user: User) -> str:
    found = NotificationPreference.objects.owned_by(user).values_list("email", flat=True).first()
    return found or EmailChoice.EACH


_STATE_FOR_CHOICE = {
    EmailChoice.EACH: MailState.PENDING,
    EmailChoice.DIGEST: MailState.DIGEST,
    EmailChoice.NONE: MailState.NONE,
}


_LEFT_BEHIND = {
    EmailChoice.EACH: [MailState.DIGEST],
    EmailChoice.NONE: [MailState.DIGEST, MailState.PENDING],
}


def notify(
    *,
    recipient: User,
    kind: str,
    target: models.Model,
    actor: User | None = None,
    emailed: bool = False,
) -> Notification:
    """Tell `recipient` that `actor` did something (`kind`) to `target`. Nothing is said to
    someone about their own doing. The email, if they want one each time, goes after commit;
    `emailed` says the caller sends its own email about it, so this one stays in the app."""
    if registry.kind_of(kind) is None:
        raise ValueError(f"Unknown notification kind {kind!r}: register it first.")
    if target.pk is None:
        raise ValueError("A notification needs a saved target.")
    if not recipient.is_active or (actor is not None and actor.pk == recipient.pk):
        state = MailState.SKIPPED
    elif emailed:
        state = MailState.NONE
    else:
        state = _STATE_FOR_CHOICE[EmailChoice(email_choice_of(recipient))]
    if state == MailState.PENDING and wait_for("notification_email", f"user:{recipient.pk}"):
        # A flood (a long thread in one evening) stays in the app instead of the inbox.
        state = MailState.NONE
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        actor=actor,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        mail_state=state,
        queued_at=timezone_now() if state == MailState.PENDING else None,
    )
    if state == MailState.PENDING:
        transaction.on_commit(partial(delivery.queue_emails, [notification.pk]))
    return notification


def notification_open(*, notification: Notification, now: datetime | None = None) -> None:
    if notification.read_at is None:
        notification.read_at = now or timezone_now()
        Notification.objects.filter(pk=notification.pk, read_at=None).update(
            read_at=notification.read_at
        )


def notifications_read_all(*, user: User, now: datetime | None = None) -> int:
    return Notification.objects.owned_by(user).unread().update(read_at=now or timezone_now())


def notifications_hide(*, user: User, ids: list[int], now: datetime | None = None) -> None:
    """Mark unread notifications the person may no longer see as read, so the navigation's
    count matches the list."""
    if ids:
        Notification.objects.owned_by(user).unread().filter(pk__in=ids).update(
            read_at=now or timezone_now()
        )


def preference_save(
    *, user: User, email: str, now: datetime | None = None
) -> NotificationPreference:
    """Change how `user` hears about notifications by email. Leaving "each email" sends
    whatever is still waiting to the digest, or nowhere."""
    choice = EmailChoice(email)
    now = now or timezone_now()
    with transaction.atomic():
        prefs = NotificationPreference.objects.select_for_update().get_or_create(owner=user)[0]
        prefs.email = choice
        prefs.set_next_digest(user.timezone, now)
        prefs.save(update_fields=["email", "next_digest_at", "next_digest_day"])
        # Whatever waits for the old way goes the new one; old news never turns into a burst
        # of single emails, it stays in the app.
        waiting = Notification.objects.owned_by(user).filter(digest=None)
        if choice == EmailChoice.DIGEST:
            waiting.filter(mail_state=MailState.PENDING).update(mail_state=MailState.DIGEST)
        else:
            waiting.filter(mail_state__in=_LEFT_BEHIND[choice]).update(mail_state=MailState.NONE)
    return prefs
