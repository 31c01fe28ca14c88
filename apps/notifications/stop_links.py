"""The one-click link in every notification email that stops notification emails: the
product's stop links (`apps.core.stop_links`) over `NotificationPreference.stop_key`."""

from django.conf import settings
from django.urls import reverse

from apps.accounts.models import User
from apps.core.stop_links import StopKeys, StopLink
from apps.notifications.models import NotificationPreference

STOP_SALT = "notifications.stop.v1"
KEYS = StopKeys(NotificationPreference, salt=STOP_SALT, claim="s")


def stop_token(*, user: User) -> str:
    return KEYS.token(user)


def stop_url(*, user: User) -> str:
    """The absolute address of the stop link, for emails and their headers."""
    return settings.SITE_URL + reverse(
        "notifications:stop", kwargs={"token": stop_token(user=user)}
    )


def read_stop_token(*, token: str) -> StopLink | None:
    return KEYS.read(token)


def stop_links_revoke(*, user: User) -> None:
    KEYS.revoke(user)
