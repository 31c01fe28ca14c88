"""The one-click link in every meeting reminder that switches meeting reminders off: the
product's stop links (`apps.core.stop_links`) over `MeetingMail.stop_key`."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from apps.accounts.models import User
from apps.core.stop_links import StopKeys, StopLink
from apps.meetings.models import MeetingMail

STOP_SALT = "meetings.stop.v1"
KEYS = StopKeys(MeetingMail, salt=STOP_SALT, claim="m")


def stop_token(*, user: User) -> str:
    return KEYS.token(user)


def stop_url(*, user: User) -> str:
    return settings.SITE_URL + reverse("meetings:stop", kwargs={"token": stop_token(user=user)})


def read_stop_token(*, token: str) -> StopLink | None:
    return KEYS.read(token)


def meeting_reminders_save(*, user: User, on: bool) -> MeetingMail:
    """Switch `user`'s meeting reminders on or off."""
    with transaction.atomic():
        prefs = MeetingMail.objects.select_for_update().get_or_create(owner=user)[0]
        prefs.reminders = on
        prefs.save(update_fields=["reminders"])
    return prefs
