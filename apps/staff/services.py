"""What staff may do to an account or a delivery. Each action is written to the security log
of the person it touched, with the staff member as its actor."""

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest

from apps.accounts import services as accounts
from apps.accounts.audit import record
from apps.accounts.models import AuditKind, User
from apps.core import outboxes


def verification_resend(*, user: User, by: User, request: HttpRequest) -> str:
    """Send the verification email again to the person's unverified primary address."""
    address = EmailAddress.objects.filter(user=user, primary=True).first()
    if address is None:
        address = EmailAddress.objects.filter(user=user).first()
    if address is None or address.verified:
        raise ValidationError("This address is verified already; there is nothing to resend.")
    with transaction.atomic():
        address.send_confirmation(request)
        record(kind=AuditKind.VERIFICATION_RESENT, user=user, actor=by, request=request)
    return address.email


def user_deactivate(*, user: User, by: User, request: HttpRequest) -> bool:
    return accounts.account_deactivate(user=user, by=by, request=request)


def user_delete(*, user: User, by: User) -> None:
    """Delete on the person's request: the same deletion as their own, noted as staff's."""
    if by.pk == user.pk:
        raise ValidationError("Delete your own account from your account pages.")
    accounts.account_delete(user=user, by=by)


def failed_mail_retry(*, outbox: str, row_id: int, by: User, request: HttpRequest) -> str:
    """Put one failed row of a registered outbox back for its next sweep; returns the address
    it is for. The outbox refuses a row that is not failed any more, so nothing sends twice."""
    box = outboxes.outbox(outbox)
    if box is None:
        raise ValidationError("Pick a failed email from the list to retry.")
    with transaction.atomic():
        person: User = box.retry(row_id)
        record(
            kind=AuditKind.DELIVERY_RETRIED,
            user=person,
            actor=by,
            request=request,
            detail=box.label,
        )
    return person.email
