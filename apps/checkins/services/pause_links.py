"""The one-click link in every reminder email that switches that kind of reminder off.

The link works without signing in (and for mail clients that POST `List-Unsubscribe-Post`):
a signed value naming the person and the kind is the credential.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from apps.accounts.models import User
from apps.checkins.access import schedule_of
from apps.checkins.models import DeliveryKind
from apps.checkins.services.schedules import notifications_save, schedule_pause

PAUSE_SALT = "checkins.pause"


def pause_token(*, user: User, kind: str = DeliveryKind.CHECKIN) -> str:
    """A signed, login-free token that switches off one kind of reminder for one person."""
    return signing.dumps({"u": str(user.public_id), "k": kind}, salt=PAUSE_SALT, compress=True)


def pause_url(*, user: User, kind: str = DeliveryKind.CHECKIN) -> str:
    """The absolute address of the pause link, for emails and their headers."""
    token = pause_token(user=user, kind=kind)
    return settings.SITE_URL + reverse("checkins:pause", kwargs={"token": token})


def read_pause_token(*, token: str) -> tuple[User, str] | None:
    """(person, kind) for a valid token of an active account; None for anything else."""
    try:
        payload = signing.loads(token, salt=PAUSE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("k") not in DeliveryKind.values:
        return None
    user = User.objects.filter(public_id=str(payload.get("u")), is_active=True).first()
    return (user, payload["k"]) if user else None


def reminders_switch_off(*, user: User, kind: str) -> None:
    if kind == DeliveryKind.MILESTONE:
        notifications_save(user=user, milestone_reminders=False)
    else:
        schedule = schedule_of(user)
        if schedule is not None:
            schedule_pause(schedule=schedule)
