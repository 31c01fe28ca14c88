"""Account operations: profile changes and the delivery of account email."""

import logging
from collections.abc import Callable
from functools import partial

from allauth.usersessions.models import UserSession
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerUnavailable

from apps.accounts import audit
from apps.accounts.models import AuditEvent, AuditKind, User

logger = logging.getLogger(__name__)


def profile_update(*, user: User, display_name: str, timezone: str) -> User:
    user.display_name = display_name.strip()
    user.timezone = timezone
    user.full_clean(validate_unique=False, validate_constraints=False)
    user.save(update_fields=["display_name", "timezone"])
    return user


# What apps above accounts do when a person leaves (end their mentorships, tell the other
# side), registered from their AppConfig.ready(): accounts imports none of them.
LEAVING_STEPS: list[Callable[[User], None]] = []


def on_account_delete(step: Callable[[User], None]) -> None:
    if step not in LEAVING_STEPS:
        LEAVING_STEPS.append(step)


def _end_sessions(user: User) -> None:
    for session in UserSession.objects.filter(user=user):
        session.end()


@transaction.atomic
def account_delete(*, user: User, by: User | None = None) -> None:
    """Delete the account and everything it owns, at once (by the person, or by staff on
    their request).

    The plan goes with the user row (every owned row cascades from it, queued reminders and
    their own security log included, so a send task finds nothing to send); every signed-in
    session ends; what remains is one audit row that says an account was deleted, without
    saying whose."""
    for step in LEAVING_STEPS:
        step(user)
    _end_sessions(user)
    AuditEvent.objects.create(
        kind=AuditKind.ACCOUNT_DELETED,
        user_ref=user.public_id,
        actor_ref=by.public_id if by is not None and by.pk != user.pk else None,
    )
    user.delete()


@transaction.atomic
def account_deactivate(*, user: User, by: User, request=None) -> bool:
    """Staff lock an account: it can no longer sign in, gets no email, and every session it
    has ends now rather than at its next request. False when it was inactive already."""
    if by.pk == user.pk:
        raise ValidationError("You cannot deactivate your own account.")
    changed = User.objects.filter(pk=user.pk, is_active=True).update(is_active=False)
    if not changed:
        return False
    user.is_active = False
    _end_sessions(user)
    audit.record(kind=AuditKind.ACCOUNT_DEACTIVATED, user=user, actor=by, request=request)
    return True


def email_payload(message: EmailMessage) -> dict:
    """The plain data of a message, so that a task can be queued with it (no objects)."""
    alternatives = [
        (content, mimetype) for content, mimetype in getattr(message, "alternatives", [])
    ]
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "headers": dict(message.extra_headers),
        "alternatives": alternatives,
    }


def email_deliver(payload: dict) -> None:
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        headers=payload["headers"],
    )
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    message.send()


def _enqueue(payload: dict) -> None:
    from apps.accounts.tasks import send_email

    try:
        send_email.delay(payload)
    except BrokerUnavailable:
        # Account email (verification, password reset) is what lets a person in; while the
        # broker is down it is sent from the request rather than dropped.
        logger.warning("Task broker unreachable; sending account email inline.")
        email_deliver(payload)


def email_send(*, message: EmailMessage) -> None:
    """Queue an account email for the worker once the surrounding transaction commits."""
    transaction.on_commit(partial(_enqueue, email_payload(message)))
