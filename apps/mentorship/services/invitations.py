"""Inviting a mentor, and the invitee's answer.

The raw token is made here, put in the email's link and forgotten: the database keeps only its
sha256. Every way a token can be unusable (guessed, used, withdrawn, expired, someone else's
address, the planner's own) raises `InvitationUnusable` with a message for the page, and never
creates a relationship.
"""

import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.core import ratelimit
from apps.goals.models import Goal
from apps.mentorship import emails
from apps.mentorship.models import (
    INVITATION_LIFETIME,
    Invitation,
    InvitationStatus,
    Mentorship,
    token_hash,
)
from apps.mentorship.services.relationship import mentorship_start

OPEN_PER_DAY = 20


class InvitationUnusable(Exception):
    """The token cannot be used by this person; `str()` is the message to show them."""


def _refuse(field: str, message: str) -> None:
    raise ValidationError({field: message})


def _check_invitable(*, planner: User, email: str) -> None:
    if email == planner.email.lower():
        _refuse("email", "That is your own address. Invite someone who will mentor you.")
    if Invitation.objects.open().filter(planner=planner, email=email).exists():
        _refuse("email", "You have already invited this person; the invitation is still open.")
    running = Mentorship.objects.active().filter(planner=planner, mentor__email__iexact=email)
    if running.exists():
        _refuse("email", "This person already mentors you.")
    since = timezone.now() - timedelta(days=1)
    recent = Invitation.objects.open().filter(planner=planner, created_at__gte=since)
    if recent.count() >= OPEN_PER_DAY:
        _refuse("email", f"You have {OPEN_PER_DAY} open invitations from today. Try tomorrow.")
    if ratelimit.wait_for("invitation", f"user:{planner.pk}") is not None:
        _refuse("email", "You have sent many invitations in the last hour. Try again later.")


def invitation_send(
    *,
    planner: User,
    email: str,
    message: str,
    goals: Iterable[Goal],
    share_vision: bool,
) -> Invitation:
    """The same answer whether or not `email` has an account: nothing here looks it up."""
    email = email.strip().lower()
    _check_invitable(planner=planner, email=email)
    raw = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            planner=planner,
            email=email,
            message=message,
            token_hash=token_hash(raw),
            expires_at=timezone.now() + INVITATION_LIFETIME,
            share_vision=share_vision,
        )
        invitation.goals.set([g for g in goals if g.owner_id == planner.pk])
        emails.send_invitation(invitation=invitation, raw_token=raw)
    return invitation


def invitation_withdraw(*, invitation: Invitation, by: User) -> None:
    if invitation.planner_id != by.pk or invitation.status != InvitationStatus.OPEN:
        raise ValidationError("Only an open invitation can be withdrawn.")
    invitation.status = InvitationStatus.WITHDRAWN
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at", "updated_at"])


def invitation_for_token(raw_token: str) -> Invitation:
    """The open invitation behind `raw_token`, for anyone holding it (the link is the
    credential); else `InvitationUnusable`."""
    invitation = (
        Invitation.objects.select_related("planner")
        .filter(token_hash=token_hash(raw_token))
        .first()
    )
    if invitation is None:
        raise InvitationUnusable(
            "This invitation link is not valid. Check that you opened the whole link from the "
            "email, or ask for a new invitation."
        )
    who = invitation.planner.get_full_name()
    if invitation.status == InvitationStatus.WITHDRAWN:
        raise InvitationUnusable(f"{who} has withdrawn this invitation.")
    if invitation.status != InvitationStatus.OPEN:
        raise InvitationUnusable("This invitation has already been answered; a link works once.")
    if invitation.is_expired:
        raise InvitationUnusable(
            f"This invitation has expired. Ask {who} to invite you again if you would like to."
        )
    return invitation


def check_invitee(invitation: Invitation, user: User) -> None:
    if user.pk == invitation.planner_id:
        raise InvitationUnusable(
            "This is your own invitation: the person you invited answers it from their email."
        )
    if user.email.lower() != invitation.email:
        raise InvitationUnusable(
            f"This invitation was sent to {invitation.email}, and you are signed in as "
            f"{user.email}. Sign out and sign in (or sign up) with the invited address."
        )


def _answer(raw_token: str, user: User, status: str) -> Invitation:
    with transaction.atomic():
        invitation = invitation_for_token(raw_token)
        # Lock, then check again: two tabs answering at once create one relationship.
        invitation = (
            Invitation.objects.select_for_update().select_related("planner").get(pk=invitation.pk)
        )
        if invitation.status != InvitationStatus.OPEN:
            raise InvitationUnusable(
                "This invitation has already been answered; a link works once."
            )
        check_invitee(invitation, user)
        invitation.status = status
        invitation.answered_at = timezone.now()
        invitation.save(update_fields=["status", "answered_at", "updated_at"])
        emails.send_answer(
            invitation=invitation, accepted=status == InvitationStatus.ACCEPTED, mentor=user
        )
    return invitation


def invitation_accept(*, raw_token: str, user: User) -> Mentorship:
    with transaction.atomic():
        invitation = _answer(raw_token, user, InvitationStatus.ACCEPTED)
        planner = invitation.planner
        if Mentorship.objects.active().filter(planner=planner, mentor=user).exists():
            raise InvitationUnusable(f"You already mentor {planner.get_full_name()}.")
        return mentorship_start(
            planner=planner,
            mentor=user,
            invitation=invitation,
            share_vision=invitation.share_vision,
            goals=invitation.goals.all(),
        )


def invitation_decline(*, raw_token: str, user: User) -> Invitation:
    return _answer(raw_token, user, InvitationStatus.DECLINED)
