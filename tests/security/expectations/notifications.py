"""Who may use the notification URLs. A notification is its recipient's alone: everyone else,
mentors included, gets a 404. The stop link is a capability like the reminder pause link: its
signed token (holding a random stop key, not an id) is the credential."""

from apps.notifications.access import unread_count
from apps.notifications.models import EmailChoice, Notification, NotificationPreference
from apps.notifications.services import notify
from apps.notifications.stop_links import read_stop_token, stop_token
from tests.factories import GoalFactory
from tests.notifications.kinds import KIND
from tests.security.access import Expect, Valid, everyone, owned, signed_in


def _one(cast) -> Notification:
    goal = GoalFactory(owner=cast["owner"], title="Speak at a conference")
    return notify(recipient=cast["owner"], kind=KIND, target=goal, actor=cast["mentor"])


def _email(cast) -> str | None:
    prefs = NotificationPreference.objects.filter(owner=cast["owner"]).first()
    return prefs.email if prefs else None


def _old_stop_link(cast, kw) -> dict:
    cast["old_stop_token"] = stop_token(user=cast["owner"])
    return {}


def _old_link_revoked(cast, kw) -> bool:
    link = read_stop_token(token=cast["old_stop_token"])
    return link is not None and link.user is None


def _unread_waiting(cast, kw) -> dict:
    _one(cast)
    return {}


EXPECTATIONS = {
    "notifications:list": Expect(get=signed_in(200), post=signed_in(405)),
    # A GET only follows to the target; the list's POST marks it read on the way.
    "notifications:open": Expect(
        get=owned(302),
        post=owned(302),
        kwargs=lambda cast: {"public_id": _one(cast).public_id},
        valid=Valid(
            data=lambda cast, kw: {},
            check=lambda cast, kw: (
                Notification.objects.get(public_id=kw["public_id"]).read_at is not None
            ),
        ),
    ),
    "notifications:read-all": Expect(
        get=signed_in(405),
        post=signed_in(302),
        htmx_post=signed_in(200),
        valid=Valid(data=_unread_waiting, check=lambda cast, kw: unread_count(cast["owner"]) == 0),
    ),
    # An empty POST chooses nothing: the page comes back with the message at the field.
    "notifications:email": Expect(
        get=signed_in(405),
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {"email": "digest"},
            check=lambda cast, kw: _email(cast) == EmailChoice.DIGEST,
        ),
    ),
    "notifications:stop": Expect(
        get=everyone(200),
        post=everyone(200),
        kwargs=lambda cast: {"token": stop_token(user=cast["owner"])},
        valid=Valid(
            data=lambda cast, kw: {},
            check=lambda cast, kw: _email(cast) == EmailChoice.NONE,
            status=200,
        ),
    ),
    # Each person revokes their own stop links; there is nothing else to revoke.
    "notifications:stop-links-reset": Expect(
        get=signed_in(405),
        post=signed_in(302),
        htmx_post=signed_in(200),
        valid=Valid(data=_old_stop_link, check=_old_link_revoked),
    ),
}
