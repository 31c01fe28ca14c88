"""The one-click link in every reminder email that switches that kind of reminder off.

The link works without signing in (and for mail clients that POST `List-Unsubscribe-Post`).
Its token is signed and dated and carries only the kind and the planner's random pause key
(`NotificationSettings.pause_key`), never who they are. A token is refused when its signature
fails, when it is older than `MAX_AGE`, or when the planner has since replaced the key ("stop
every old link"), which revokes every link sent until then.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse

from apps.accounts.models import User
from apps.checkins.access import schedule_of
from apps.checkins.models import DeliveryKind, NotificationSettings
from apps.checkins.services.schedules import notifications_save, schedule_pause

PAUSE_SALT = "checkins.pause.v2"
# Long enough for an email found again after a holiday; older links show the expired page.
MAX_AGE = timedelta(days=90)


@dataclass(frozen=True)
class PauseLink:
    """What a pause token says: whose reminders, which kind, and whether it still works."""

    user: User | None
    kind: str
    expired: bool = False


def _new_key() -> str:
    return secrets.token_urlsafe(32)


def _pause_key(user: User) -> str:
    with transaction.atomic():
        prefs = NotificationSettings.objects.select_for_update().get_or_create(owner=user)[0]
        if not prefs.pause_key:
            prefs.pause_key = _new_key()
            prefs.save(update_fields=["pause_key"])
        return prefs.pause_key


def pause_token(*, user: User, kind: str = DeliveryKind.CHECKIN) -> str:
    """A signed, dated, login-free token that switches off one kind of reminder for one
    person, naming them only through their random pause key."""
    return signing.dumps({"p": _pause_key(user), "k": kind}, salt=PAUSE_SALT, compress=True)


def pause_url(*, user: User, kind: str = DeliveryKind.CHECKIN) -> str:
    """The absolute address of the pause link, for emails and their headers."""
    token = pause_token(user=user, kind=kind)
    return settings.SITE_URL + reverse("checkins:pause", kwargs={"token": token})


def _owner_of(key: object) -> User | None:
    if not isinstance(key, str) or not key:
        return None
    prefs = NotificationSettings.objects.filter(pause_key=key, owner__is_active=True)
    found = prefs.select_related("owner").first()
    return found.owner if found else None


def read_pause_token(*, token: str) -> PauseLink | None:
    """The link a token stands for; None for a token careerplan never made. A link that is
    too old or was revoked comes back `expired`, so the page can say so kindly."""
    try:
        payload = signing.loads(token, salt=PAUSE_SALT, max_age=MAX_AGE)
        expired = False
    except signing.SignatureExpired:
        payload, expired = signing.loads(token, salt=PAUSE_SALT), True
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("k") not in DeliveryKind.values:
        return None
    user = None if expired else _owner_of(payload.get("p"))
    return PauseLink(user=user, kind=payload["k"], expired=user is None)


def pause_links_revoke(*, user: User) -> None:
    """Replace the planner's pause key: every pause link sent so far stops working."""
    with transaction.atomic():
        prefs = NotificationSettings.objects.select_for_update().get_or_create(owner=user)[0]
        prefs.pause_key = _new_key()
        prefs.save(update_fields=["pause_key"])


def reminders_switch_off(*, user: User, kind: str) -> None:
    if kind == DeliveryKind.MILESTONE:
        notifications_save(user=user, milestone_reminders=False)
    else:
        schedule = schedule_of(user)
        if schedule is not None:
            schedule_pause(schedule=schedule)
