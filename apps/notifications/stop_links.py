"""The one-click link in every notification email that stops notification emails.

Like the reminder pause link: it works without signing in and for mail clients that POST
`List-Unsubscribe-Post` (RFC 8058). The token is signed and dated and carries only the
person's random stop key (`NotificationPreference.stop_key`), never who they are. It is refused
when the signature fails, when it is older than `MAX_AGE`, or when the key was replaced.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse

from apps.accounts.models import User
from apps.notifications.models import NotificationPreference

STOP_SALT = "notifications.stop.v1"
# Long enough for an email found again after a holiday; older links show the expired page.
MAX_AGE = timedelta(days=90)


@dataclass(frozen=True)
class StopLink:
    user: User | None
    expired: bool = False


def _new_key() -> str:
    return secrets.token_urlsafe(32)


def _stop_key(user: User) -> str:
    with transaction.atomic():
        prefs = NotificationPreference.objects.select_for_update().get_or_create(owner=user)[0]
        if not prefs.stop_key:
            prefs.stop_key = _new_key()
            prefs.save(update_fields=["stop_key"])
        return prefs.stop_key


def stop_token(*, user: User) -> str:
    return signing.dumps({"s": _stop_key(user)}, salt=STOP_SALT, compress=True)


def stop_url(*, user: User) -> str:
    """The absolute address of the stop link, for emails and their headers."""
    return settings.SITE_URL + reverse(
        "notifications:stop", kwargs={"token": stop_token(user=user)}
    )


def read_stop_token(*, token: str) -> StopLink | None:
    """The link a token stands for; None for a token careerplan never made. A link too old or
    revoked comes back `expired`, so the page can say so kindly."""
    try:
        payload = signing.loads(token, salt=STOP_SALT, max_age=MAX_AGE)
        expired = False
    except signing.SignatureExpired:
        payload, expired = signing.loads(token, salt=STOP_SALT), True
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("s"), str):
        return None
    user = None
    if not expired and payload["s"]:
        found = NotificationPreference.objects.filter(stop_key=payload["s"], owner__is_active=True)
        prefs = found.select_related("owner").first()
        user = prefs.owner if prefs else None
    return StopLink(user=user, expired=user is None)


def stop_links_revoke(*, user: User) -> None:
    with transaction.atomic():
        prefs = NotificationPreference.objects.select_for_update().get_or_create(owner=user)[0]
        prefs.stop_key = _new_key()
        prefs.save(update_fields=["stop_key"])
