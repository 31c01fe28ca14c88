"""Receivers that write sign-in, password, email and two-factor events to the security log.

Signals rather than edits to allauth's views: allauth and Django already announce each of these
moments, with the request, from every path that leads to them (forms, reauthentication, the
admin's sign-in, password reset by email).
"""

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver

from apps.accounts.audit import record
from apps.accounts.models import AuditKind, User


@receiver(auth_signals.user_logged_in)
def _signed_in(sender, request, user, **kwargs) -> None:
    record(kind=AuditKind.SIGNED_IN, user=user, request=request)


@receiver(auth_signals.user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    # Only against an existing account: a failure for an unknown address belongs to nobody.
    email = str(credentials.get("email") or credentials.get("username") or "")
    user = User.objects.filter(email__iexact=email).first() if email else None
    if user is not None:
        record(kind=AuditKind.SIGN_IN_FAILED, user=user, request=request)


@receiver(mfa_signals.authentication_failed)
def _second_factor_failed(sender, request, user, **kwargs) -> None:
    record(
        kind=AuditKind.SIGN_IN_FAILED,
        user=user,
        request=request,
        detail="Wrong two-factor code",
    )


_AUTHENTICATOR_NAMES = {"totp": "authenticator app", "recovery_codes": "recovery codes"}


def _authenticator(kwargs) -> str:
    kind = getattr(kwargs.get("authenticator"), "type", "")
    return _AUTHENTICATOR_NAMES.get(kind, str(kind).replace("_", " "))


@receiver(mfa_signals.authenticator_added)
def _mfa_added(sender, request, user, **kwargs) -> None:
    name = _authenticator(kwargs)
    if name == "recovery codes":
        return  # made together with the app; the app's event says it all
    record(kind=AuditKind.MFA_ACTIVATED, user=user, request=request, detail=name)


@receiver(mfa_signals.authenticator_removed)
def _mfa_removed(sender, request, user, **kwargs) -> None:
    record(
        kind=AuditKind.MFA_DEACTIVATED, user=user, request=request, detail=_authenticator(kwargs)
    )


@receiver(mfa_signals.authenticator_reset)
def _mfa_reset(sender, request, user, **kwargs) -> None:
    record(kind=AuditKind.RECOVERY_CODES_RENEWED, user=user, request=request)


@receiver(account_signals.password_changed)
@receiver(account_signals.password_set)
def _password_changed(sender, request, user, **kwargs) -> None:
    record(kind=AuditKind.PASSWORD_CHANGED, user=user, request=request)


@receiver(account_signals.password_reset)
def _password_reset(sender, request, user, **kwargs) -> None:
    record(kind=AuditKind.PASSWORD_RESET, user=user, request=request)


@receiver(account_signals.email_added)
def _email_added(sender, request, user, email_address, **kwargs) -> None:
    record(kind=AuditKind.EMAIL_ADDED, user=user, request=request, detail=email_address.email)


@receiver(account_signals.email_changed)
def _email_changed(sender, request, user, from_email_address, to_email_address, **kwargs) -> None:
    before = from_email_address.email if from_email_address else "none"
    record(
        kind=AuditKind.EMAIL_CHANGED,
        user=user,
        request=request,
        detail=f"{before} → {to_email_address.email}",
    )


@receiver(account_signals.email_removed)
def _email_removed(sender, request, user, email_address, **kwargs) -> None:
    record(kind=AuditKind.EMAIL_REMOVED, user=user, request=request, detail=email_address.email)
