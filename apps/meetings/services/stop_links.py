"""The one-click link in every meeting reminder that switches meeting reminders off.

Like the reminder pause link: it works without signing in and for mail clients that POST
`List-Unsubscribe-Post` (RFC 8058). The token is signed and dated and carries only the
person's random stop key (`MeetingMail.stop_key`), never who they are. It is refused when the
signature fails, when it is older than `MAX_AGE`, or when the key was replaced.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse

from apps.accounts.models import User
from apps.meetings.models import MeetingMail

STOP_SALT = "meetings.stop.v1"
MAX_AGE = timedelta(days=90)


@dataclass(frozen=True)
class StopLink:
    user: User | None
    expired: bool = False


def _stop_key(user: User) -> str:
    with transaction.atomic():
        prefs = MeetingMail.objects.select_for_update().get_or_create(owner=user)[0]
        if not prefs.stop_key:
            prefs.stop_key = secrets.token_urlsafe(32)
            prefs.save(update_fields=["stop_key"])
        return prefs.stop_key


def stop_token(*, user: User) -> str:
    return signing.dumps({"m": _stop_key(user)}, salt=STOP_SALT, compress=True)


def stop_url(*, user: User) -> str:
    return settings.SITE_URL + reverse("meetings:stop", kwargs={"token": stop_token(user=user)})


def read_stop_token(*, token: str) -> StopLink | None:
    """The link a token stands for; None for a token careerplan never made. One too old or
    revoked comes back `expired`, so the page can say so kindly."""
    try:
        payload = signing.loads(token, salt=STOP_SALT, max_age=MAX_AGE)
        expired = False
    except signing.SignatureExpired:
        payload, expired = signing.loads(token, salt=STOP_SALT), True
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("m"), str):
        return None
    user = None
    if not expired and payload["m"]:
        found = MeetingMail.objects.filter(stop_key=payload["m"], owner__is_active=True)
        prefs = found.select_related("owner").first()
        user = prefs.owner if prefs else None
    return StopLink(user=user, expired=user is None)


def meeting_reminders_save(*, user: User, on: bool) -> MeetingMail:
    """Switch `user`'s meeting reminders on or off."""
    with transaction.atomic():
        prefs = MeetingMail.objects.select_for_update().get_or_create(owner=user)[0]
        prefs.reminders = on
        prefs.save(update_fields=["reminders"])
    return prefs
